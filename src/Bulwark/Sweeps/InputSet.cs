namespace Bulwark.Sweeps;

/// <summary>One run's inputs: values by name, in the order of the sweep's inputs (the order of the export's columns).</summary>
public sealed class InputSet : IEquatable<InputSet>
{
    private readonly KeyValuePair<string, double>[] _values;

    /// <param name="values">the values in order; names unique, each a <see cref="UncertainInput.CheckName"/> name</param>
    /// <exception cref="ArgumentException">a name is repeated or not a sound name</exception>
    public InputSet(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in _values)
        {
            UncertainInput.CheckName(name);
            if (!seen.Add(name))
            {
                throw new ArgumentException($"input '{name}' is given twice", nameof(values));
            }
        }
    }

    /// <summary>The values in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Values => _values;

    /// <summary>The names in order.</summary>
    public IEnumerable<string> Names => _values.Select(v => v.Key);

    /// <summary>The number of inputs.</summary>
    public int Count => _values.Length;

    /// <summary>The value of the input called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">there is no such input</exception>
    public double this[string name]
    {
        get
        {
            foreach (var (n, v) in _values)
            {
                if (n == name)
                {
                    return v;
                }
            }

            throw new KeyNotFoundException($"no input '{name}' in this run");
        }
    }

    /// <summary>True when the names, their order and every value's bits are the same.</summary>
    public bool Equals(InputSet? other) =>
        other is not null && _values.Length == other._values.Length && _values.Zip(other._values).All(p =>
            p.First.Key == p.Second.Key && BitConverter.DoubleToInt64Bits(p.First.Value) == BitConverter.DoubleToInt64Bits(p.Second.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InputSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var (n, v) in _values)
        {
            h.Add(n);
            h.Add(BitConverter.DoubleToInt64Bits(v));
        }

        return h.ToHashCode();
    }
}
