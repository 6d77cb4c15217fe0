namespace Bulwark.Caching;

/// <summary>
/// A thread-safe memo of at most <see cref="Capacity"/> values, the least recently used going first when it is full.
/// Each value is computed once per key while it is held, even when several threads ask for it at once (the others
/// wait for the first); a computation that throws is not kept. Used where a process would otherwise grow without bound
/// (the reach tables of a long-running server, speed calibrations, the server's scenes).
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _map;
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();
    private long _computed;

    /// <param name="capacity">the most values held, at least 1</param>
    /// <param name="comparer">key equality (null: the default)</param>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    /// <summary>The most values held.</summary>
    public int Capacity { get; }

    /// <summary>Values held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>How many values have been computed since the cache was made (a value evicted and asked for again counts twice).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    /// <summary>The value for <paramref name="key"/>, computed by <paramref name="compute"/> if it is not held.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Lazy<TValue> lazy;
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                lazy = node.Value.Value;
            }
            else
            {
                lazy = new Lazy<TValue>(() =>
                {
                    Interlocked.Increment(ref _computed);
                    return compute(key);
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                _map[key] = _order.AddFirst(new Entry(key, lazy));
                while (_map.Count > Capacity)
                {
                    LinkedListNode<Entry> last = _order.Last!;
                    _order.RemoveLast();
                    _map.Remove(last.Value.Key);
                }
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (_lock)
            {
                if (_map.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, lazy))
                {
                    _order.Remove(node);
                    _map.Remove(key);
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Removes <paramref name="key"/> if it still holds <paramref name="value"/> (computed): a value that must not be
    /// kept (a refusal) without removing one computed since. True if it was removed.
    /// </summary>
    public bool Remove(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node) && node.Value.Value.IsValueCreated &&
                EqualityComparer<TValue>.Default.Equals(node.Value.Value.Value, value))
            {
                _order.Remove(node);
                _map.Remove(key);
                return true;
            }

            return false;
        }
    }

    /// <summary>Forgets every value.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
        }
    }

    private sealed record Entry(TKey Key, Lazy<TValue> Value);
}
