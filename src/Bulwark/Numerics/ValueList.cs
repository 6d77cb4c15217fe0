using System.Collections;

namespace Bulwark.Numerics;

/// <summary>
/// A read-only list that compares by its elements, so that a record holding one (a rocket's stages, a C_D table) is
/// equal to another with the same numbers: records then serve as cache keys by their content
/// (<c>ReachTableProvider</c>, the speed calibration), with no hand-kept fingerprint to forget a field in.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;
    private readonly int _hash;

    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
        var h = new HashCode();
        foreach (T x in _items)
        {
            h.Add(x);
        }

        _hash = h.ToHashCode();
    }

    /// <summary><paramref name="items"/> itself when it is already a value list, else a copy as one.</summary>
    public static ValueList<T> From(IEnumerable<T> items) => items as ValueList<T> ?? new ValueList<T>(items);

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _items.AsSpan().SequenceEqual(other._items)));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode() => _hash;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
