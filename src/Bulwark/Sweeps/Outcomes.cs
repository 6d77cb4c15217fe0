namespace Bulwark.Sweeps;

/// <summary>What an outcome of a run is: a number, or a yes/no answer stored as 1 or 0.</summary>
public enum OutcomeKind
{
    /// <summary>A number in the outcome's unit (any double, NaN for "does not exist in this run").</summary>
    Number,

    /// <summary>A yes/no conclusion: 1 for yes, 0 for no.</summary>
    YesNo,
}

/// <summary>One outcome of a run.</summary>
/// <param name="Name">the outcome's name, unique in a run</param>
/// <param name="Kind">number or yes/no</param>
/// <param name="Value">the number, or 1/0 for yes/no</param>
public readonly record struct Outcome(string Name, OutcomeKind Kind, double Value)
{
    /// <summary>A yes/no outcome's answer.</summary>
    /// <exception cref="InvalidOperationException">the outcome is a number</exception>
    public bool IsYes => Kind == OutcomeKind.YesNo ? Value != 0 : throw new InvalidOperationException($"outcome '{Name}' is a number, not a yes/no answer");
}

/// <summary>
/// A run's outcomes, in the order the evaluator added them (the order of the export's columns). Kept generic: the sweep
/// engine knows names, numbers and yes/no answers, not what they mean.
/// </summary>
public sealed class Outcomes : IEquatable<Outcomes>
{
    private readonly List<Outcome> _items = [];

    /// <summary>No outcomes yet.</summary>
    public Outcomes()
    {
    }

    /// <summary>The given outcomes, in order.</summary>
    /// <exception cref="ArgumentException">a name is repeated, unsound, or a yes/no value is neither 0 nor 1</exception>
    public Outcomes(IEnumerable<Outcome> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (Outcome o in items)
        {
            Add(o);
        }
    }

    /// <summary>The outcomes in order.</summary>
    public IReadOnlyList<Outcome> Items => _items;

    /// <summary>Adds a number; returns this, for chaining.</summary>
    public Outcomes Number(string name, double value) => Add(new Outcome(name, OutcomeKind.Number, value));

    /// <summary>Adds a yes/no answer (stored as 1 or 0); returns this, for chaining.</summary>
    public Outcomes YesNo(string name, bool yes) => Add(new Outcome(name, OutcomeKind.YesNo, yes ? 1 : 0));

    /// <summary>The outcome called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">there is none</exception>
    public Outcome this[string name] => TryFind(name, out Outcome o) ? o : throw new KeyNotFoundException($"no outcome '{name}' in this run");

    /// <summary>The outcome called <paramref name="name"/>, if there is one.</summary>
    public bool TryFind(string name, out Outcome outcome)
    {
        foreach (Outcome o in _items)
        {
            if (o.Name == name)
            {
                outcome = o;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    private Outcomes Add(Outcome o)
    {
        UncertainInput.CheckName(o.Name);
        if (o.Kind == OutcomeKind.YesNo && o.Value is not (0 or 1))
        {
            throw new ArgumentException($"yes/no outcome '{o.Name}' must be 0 or 1, got {o.Value}");
        }

        if (TryFind(o.Name, out _))
        {
            throw new ArgumentException($"outcome '{o.Name}' is given twice");
        }

        _items.Add(o);
        return this;
    }

    /// <summary>True when the names, kinds, order and every value's bits are the same.</summary>
    public bool Equals(Outcomes? other) =>
        other is not null && _items.Count == other._items.Count && _items.Zip(other._items).All(p =>
            p.First.Name == p.Second.Name && p.First.Kind == p.Second.Kind
            && BitConverter.DoubleToInt64Bits(p.First.Value) == BitConverter.DoubleToInt64Bits(p.Second.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Outcomes);

    /// <inheritdoc/>
    public override int GetHashCode() => _items.Count == 0 ? 0 : HashCode.Combine(_items.Count, _items[0].Name);
}
