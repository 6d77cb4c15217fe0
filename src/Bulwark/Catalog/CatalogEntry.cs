
using System.Collections.Concurrent;
using Bulwark.Catalog.Reading;

namespace Bulwark.Catalog;

/// <summary>
/// One catalog entry as read: its kind ("missiles", "places", …), id, name, the YAML it came from (located), and the
/// provenance rules that cover its numbers.
/// </summary>
public sealed class CatalogEntry
{
    public CatalogEntry(string kind, string id, string name, YamlNode node, IReadOnlyList<(string Key, Provenance Provenance)> provenance,
        IReadOnlyList<NumberRange>? ranges = null)
    {
        Kind = kind;
        Id = id;
        Name = name;
        Node = node;
        ProvenanceRules = provenance;
        Ranges = ranges ?? [];
        Written = this;
    }

    public string Kind { get; }

    /// <summary>
    /// The entry as the catalog wrote it, before any scenario's or sweep's overrides were laid over it (this entry itself
    /// when it has none): what an override is measured against (a missile's changed <c>calibration.range_km</c>).
    /// </summary>
    public CatalogEntry Written { get; init; } = null!;

    public string Id { get; }

    public string Name { get; }

    public YamlNode Node { get; }

    /// <summary>The file the entry was read from (for messages and listings).</summary>
    public string File => Node.File;

    /// <summary>The line of the file where the entry starts.</summary>
    public int Line => Node.Line;

    /// <summary>The typed records read from this entry, by type: each is read once, the first time it is asked for.</summary>
    private readonly ConcurrentDictionary<Type, Lazy<object>> _records = new();

    /// <summary>
    /// The entry read as a <typeparamref name="T"/> by <paramref name="read"/>, once: later calls return the same record.
    /// A read that fails (bad input) is not kept, so every call reports it.
    /// </summary>
    internal T Record<T>(Func<CatalogEntry, T> read) where T : class
    {
        Lazy<object> lazy = _records.GetOrAdd(typeof(T), _ => new Lazy<object>(() => read(this), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            _records.TryRemove(new KeyValuePair<Type, Lazy<object>>(typeof(T), lazy));
            throw;
        }
    }

    /// <summary>The ranges of its disputed numbers (its <c>uncertain:</c> block), in the file's order.</summary>
    public IReadOnlyList<NumberRange> Ranges { get; }

    /// <summary>Key paths ("*", "stages", "stages[1].isp_vac_s") and the provenance they give.</summary>
    public IReadOnlyList<(string Key, Provenance Provenance)> ProvenanceRules { get; }

    /// <summary>
    /// The provenance of the number at <paramref name="path"/> (relative to the entry): the most specific rule whose key is
    /// the path itself, a prefix of it at a segment boundary, or "*"; null when none covers it.
    /// </summary>
    public Provenance? ProvenanceOf(string path)
    {
        Provenance? best = null;
        int bestLength = -1;
        foreach (var (key, p) in ProvenanceRules)
        {
            int length = key == "*" ? 0 : Covers(key, path) ? key.Length : -1;
            if (length > bestLength)
            {
                best = p;
                bestLength = length;
            }
        }

        return best;
    }

    /// <summary>The scalar at a dotted key path ("stages", "guidance.pitch_over_s") as written in the file, or null.</summary>
    public string? ScalarAt(string path)
    {
        YamlNode? node = Node;
        foreach (string key in path.Split('.'))
        {
            node = node?.TryGet(key);
        }

        return node?.ScalarText;
    }

    /// <summary>The number at <paramref name="path"/> (as <see cref="Numbers"/> names it), or null when there is none.</summary>
    public double? NumberAt(string path)
    {
        foreach (var (p, node) in Numbers())
        {
            if (p == path)
            {
                return node.Number();
            }
        }

        return null;
    }

    /// <summary>Every number in the entry (outside its provenance and uncertain blocks) with its path relative to the entry.</summary>
    public IEnumerable<(string Path, YamlNode Node)> Numbers() => Walk(Node, "");

    /// <summary>Every number in the entry, as listings show it (<c>bulwark catalog show</c>, docs/catalog.md): no YAML node leaves the catalog.</summary>
    public IEnumerable<CatalogNumber> Figures() => Numbers().Select(n => new CatalogNumber(n.Path, n.Node));

    private static bool Covers(string key, string path) =>
        path == key || (path.StartsWith(key, StringComparison.Ordinal) && path.Length > key.Length && path[key.Length] is '.' or '[');

    private static IEnumerable<(string Path, YamlNode Node)> Walk(YamlNode node, string path)
    {
        if (node.IsMapping)
        {
            foreach (var (key, value) in node.Entries())
            {
                if (path.Length == 0 && key is "provenance" or "id" or "uncertain")
                {
                    continue;
                }

                foreach (var x in Walk(value, path.Length == 0 ? key : $"{path}.{key}"))
                {
                    yield return x;
                }
            }
        }
        else if (node.IsSequence)
        {
            var items = node.Items();
            for (int i = 0; i < items.Count; i++)
            {
                foreach (var x in Walk(items[i], $"{path}[{i}]"))
                {
                    yield return x;
                }
            }
        }
        else if (node.IsNumber)
        {
            yield return (path, node);
        }
    }
}

/// <summary>One number of a catalog entry: its key path, its text as written in the file, and its value.</summary>
public sealed class CatalogNumber
{
    private readonly YamlNode _node;

    internal CatalogNumber(string path, YamlNode node)
    {
        Path = path;
        _node = node;
    }

    /// <summary>The key path relative to the entry ("stages[0].burn_time_s").</summary>
    public string Path { get; }

    /// <summary>The number as written in the file.</summary>
    public string? Text => _node.ScalarText;

    /// <summary>The number's value (in the unit its key names).</summary>
    public double Value => _node.Number();
}
