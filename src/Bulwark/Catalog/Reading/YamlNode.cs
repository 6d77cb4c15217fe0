using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// A located view of one node of a YAML document: typed reads that fail with an <see cref="InputException"/> naming the
/// file, line, column and key path. Unknown keys are errors too (a misspelt key must not be silently ignored).
/// </summary>
public sealed class YamlNode
{
    private readonly YamlDotNet.RepresentationModel.YamlNode _node;

    /// <summary>Nodes grafted from another file (scenario overrides) remember where they came from.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlDotNet.RepresentationModel.YamlNode, Origin> Origins = new();

    private YamlNode(string file, string path, YamlDotNet.RepresentationModel.YamlNode node)
    {
        if (Origins.TryGetValue(node, out Origin? origin))
        {
            (file, path) = (origin.File, origin.Path);
        }

        File = file;
        Path = path;
        _node = node;
    }

    public string File { get; }

    /// <summary>Key path from the document root ("initial.lat_deg"; "" for the root).</summary>
    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    public int Column => (int)_node.Start.Column;

    /// <summary>Parses YAML text; a syntax error becomes an <see cref="InputException"/>.</summary>
    public static YamlNode Parse(string file, string text)
    {
        if (text.Length > InputLimits.MaxInputChars)
        {
            throw new InputException(file, null, null, null, InputLimits.TooLarge);
        }

        var stream = new YamlStream();
        try
        {
            // YamlDotNet builds its tree recursively: a file nested thousands of levels deep would overflow the stack,
            // so the nesting is measured first, on the (iterative) event parser.
            CheckDepth(file, text);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(file, (int)e.Start.Line, (int)e.Start.Column, null, "not valid YAML: " + FirstLine(e.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; find where by scanning again.
            Mark where = LastGoodMark(text);
            throw new InputException(file, (int)where.Line, (int)where.Column, null, "not valid YAML: the text after this point cannot be read");
        }

        if (stream.Documents.Count == 0)
        {
            throw new InputException(file, 1, 1, null, "the file is empty; expected a YAML mapping");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new InputException(file, (int)second.Start.Line, (int)second.Start.Column, null, "a second YAML document ('---'); expected one document per file");
        }

        var root = new YamlNode(file, "", stream.Documents[0].RootNode);
        if (root._node is not YamlMappingNode)
        {
            throw root.Error("expected a mapping of keys to values at the top of the file");
        }

        return root;
    }

    public InputException Error(string problem) => new(File, Line, Column, Path.Length == 0 ? null : Path, problem);

    /// <summary>The underlying YamlDotNet node (for merging overrides).</summary>
    internal YamlDotNet.RepresentationModel.YamlNode Raw => _node;

    /// <summary>
    /// This mapping with <paramref name="overrides"/> laid over it: mappings merge key by key, anything else is replaced.
    /// Values taken from the overrides keep their own file and position in messages.
    /// </summary>
    internal YamlNode MergedWith(YamlNode overrides) => new(File, Path, Merge(_node, overrides._node, new Origin(overrides.File, overrides.Path)));

    private static YamlDotNet.RepresentationModel.YamlNode Merge(YamlDotNet.RepresentationModel.YamlNode under, YamlDotNet.RepresentationModel.YamlNode over, Origin origin)
    {
        if (under is not YamlMappingNode a || over is not YamlMappingNode b)
        {
            Origins.AddOrUpdate(over, origin);
            return over;
        }

        var merged = new YamlMappingNode();
        foreach (var (k, v) in a.Children)
        {
            merged.Add(k, b.Children.TryGetValue(k, out var o) ? Merge(v, o, origin.Child(k)) : v);
        }

        foreach (var (k, v) in b.Children)
        {
            if (!a.Children.ContainsKey(k))
            {
                Origins.AddOrUpdate(v, origin.Child(k));
                Origins.AddOrUpdate(k, origin.Child(k));
                merged.Add(k, v);
            }
        }

        return merged;
    }

    /// <summary>Where a grafted node came from: its file and key path there.</summary>
    private sealed record Origin(string File, string Path)
    {
        public Origin Child(YamlDotNet.RepresentationModel.YamlNode key) => this with { Path = $"{Path}.{(key as YamlScalarNode)?.Value}" };
    }

    public bool IsMapping => _node is YamlMappingNode;

    public bool IsSequence => _node is YamlSequenceNode;

    public bool IsScalar => _node is YamlScalarNode;

    /// <summary>Fails if the mapping has a key not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(params string[] allowed)
    {
        foreach (var (keyNode, _) in Mapping())
        {
            string key = KeyText(keyNode);
            if (Array.IndexOf(allowed, key) < 0)
            {
                var (file, path) = Origins.TryGetValue(keyNode, out Origin? origin) ? (origin.File, origin.Path) : (File, Join(key));
                throw new InputException(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, path,
                    $"unknown key; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public bool Has(string key) => TryGet(key) is not null;

    public YamlNode? TryGet(string key)
    {
        foreach (var (keyNode, value) in Mapping())
        {
            if (keyNode is YamlScalarNode { Value: { } k } && k == key)
            {
                return new YamlNode(File, Join(key), value);
            }
        }

        return null;
    }

    public YamlNode Get(string key) => TryGet(key) ?? throw Error(Path.Length == 0 ? $"missing key '{key}'" : $"missing key '{key}' in this mapping");

    /// <summary>The keys and values of a mapping, in file order.</summary>
    public IReadOnlyList<(string Key, YamlNode Value)> Entries() =>
        [.. Mapping().Select(kv => (KeyText(kv.Key), new YamlNode(File, Join(KeyText(kv.Key)), kv.Value)))];

    /// <summary>A mapping key's text; a list or mapping used as a key is a located error.</summary>
    private string KeyText(YamlDotNet.RepresentationModel.YamlNode keyNode) => keyNode is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new InputException(File, (int)keyNode.Start.Line, (int)keyNode.Start.Column, Path.Length == 0 ? null : Path,
            "a key must be plain text, not a list or a mapping");

    /// <summary>The scalar text, or null for a mapping or list.</summary>
    public string? ScalarText => (_node as YamlScalarNode)?.Value;

    /// <summary>Whether the scalar reads as a finite number.</summary>
    public bool IsNumber => _node is YamlScalarNode { Value: { } v, Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted }
        && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x);

    /// <summary>Whether the scalar is YAML null (<c>null</c>, <c>~</c> or empty).</summary>
    public bool IsNull => _node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "null" or "~" or "Null" or "NULL" };

    /// <summary>The elements of a sequence.</summary>
    public IReadOnlyList<YamlNode> Items()
    {
        if (_node is not YamlSequenceNode seq)
        {
            throw Error("expected a list");
        }

        return [.. seq.Children.Select((c, i) => new YamlNode(File, string.Create(CultureInfo.InvariantCulture, $"{Path}[{i}]"), c))];
    }

    /// <summary>The scalar as a string.</summary>
    public string String()
    {
        if (_node is not YamlScalarNode { Value: { } v } || v.Length == 0)
        {
            throw Error("expected a text value");
        }

        return v;
    }

    /// <summary>The scalar as a finite number (a number in quotes is text, not a number).</summary>
    public double Number()
    {
        if (_node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted, Value: { } quoted })
        {
            throw Error($"expected a number, got the text '{quoted}' (in quotes); write numbers without quotes");
        }

        if (_node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x))
        {
            return x;
        }

        throw Error(_node is YamlScalarNode s ? $"expected a number, got '{s.Value}'" : "expected a number, got " + Describe());
    }

    /// <summary>A number within [min, max] (inclusive unless said), with the unit named in the message.</summary>
    public double Number(double min, double max, string expectation)
    {
        double x = Number();
        if (x < min || x > max)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{x} is out of range; expected {expectation}"));
        }

        return x;
    }

    /// <summary>A whole number within [min, max] (a count: 2.5 missiles is an error, not 2).</summary>
    public int Count(int min, int max, string expectation)
    {
        double x = Number(min, max, expectation);
        if (x != Math.Floor(x))
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{x} is not a whole number; expected {expectation}"));
        }

        return (int)x;
    }

    /// <summary>A strictly positive number.</summary>
    public double Positive(string what)
    {
        double x = Number();
        if (!(x > 0))
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{x} is not allowed; expected {what} greater than 0"));
        }

        return x;
    }

    /// <summary>A number ≥ 0.</summary>
    public double NonNegative(string what)
    {
        double x = Number();
        if (x < 0)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{x} is not allowed; expected {what} of at least 0"));
        }

        return x;
    }

    private IEnumerable<(YamlDotNet.RepresentationModel.YamlNode Key, YamlDotNet.RepresentationModel.YamlNode Value)> Mapping()
    {
        if (_node is not YamlMappingNode map)
        {
            throw Error("expected a mapping of keys to values, got " + Describe());
        }

        return map.Children.Select(kv => (kv.Key, kv.Value));
    }

    private string Describe() => _node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    private string Join(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>
    /// Fails at the first list or mapping nested deeper than <see cref="InputLimits.MaxDepth"/>, counting the nodes an
    /// alias stands for at the alias; at an alias inside the node it names (a cycle, which YamlDotNet follows until the
    /// stack overflows); and at the alias that makes aliases stand for more than <see cref="InputLimits.MaxAliasedNodes"/>
    /// nodes in all (a "billion laughs", which every walk of the tree would expand); and at a mapping with a value but no
    /// key (which YamlDotNet's loader fails on with an ArgumentException).
    /// </summary>
    private static void CheckDepth(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Size, int Height, Mark Start, bool IsMapping, int Children)>();
        var anchors = new Dictionary<string, (long Size, int Height)>(StringComparer.Ordinal);
        long aliased = 0;

        InputException Error(Mark at, string problem) => new(file, (int)at.Line, (int)at.Column, null, problem);

        void Add(Mark at, long size, int height)
        {
            if (open.Count + height > InputLimits.MaxDepth)
            {
                throw Error(at, $"lists and mappings nested more than {InputLimits.MaxDepth} deep (counting what aliases stand for); expected at most {InputLimits.MaxDepth} levels");
            }

            if (open.TryPop(out var parent))
            {
                open.Push(parent with { Size = parent.Size + size, Height = Math.Max(parent.Height, height + 1), Children = parent.Children + 1 });
            }
        }

        while (parser.MoveNext())
        {
            ParsingEvent e = parser.Current!;
            switch (e)
            {
                case MappingStart or SequenceStart:
                    if (open.Count + 1 > InputLimits.MaxDepth)
                    {
                        throw Error(e.Start, $"lists and mappings nested more than {InputLimits.MaxDepth} deep; expected at most {InputLimits.MaxDepth} levels");
                    }

                    var anchor = ((NodeEvent)e).Anchor;
                    open.Push((anchor.IsEmpty ? null : anchor.Value, 1, 0, e.Start, e is MappingStart, 0));
                    break;
                case MappingEnd or SequenceEnd:
                    var node = open.Pop();
                    if (node.IsMapping && node.Children % 2 != 0)
                    {
                        // YamlDotNet's parser drops the empty key of a block mapping's ": value" line, and its loader then fails with an ArgumentException.
                        throw Error(node.Start, "a value without a key in this mapping (a line starting with ':'?); expected 'key: value'");
                    }

                    if (node.Anchor is { } name)
                    {
                        anchors[name] = (node.Size, node.Height);
                    }

                    Add(e.Start, node.Size, node.Height);
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = (1, 0);
                    }

                    Add(e.Start, 1, 0);
                    break;
                case AnchorAlias alias:
                    string named = alias.Value.Value;
                    if (open.Any(o => o.Anchor == named))
                    {
                        throw Error(e.Start, $"the alias *{named} is inside the node it names; expected an alias to a node defined before it, not one that contains it");
                    }

                    if (anchors.TryGetValue(named, out var target))
                    {
                        aliased += target.Size;
                        if (aliased > InputLimits.MaxAliasedNodes)
                        {
                            throw Error(e.Start, $"aliases stand for more than {InputLimits.MaxAliasedNodes:N0} values in all; expected far fewer aliases, or smaller anchored nodes");
                        }

                        Add(e.Start, target.Size, target.Height);
                    }
                    else
                    {
                        Add(e.Start, 1, 0); // an unknown anchor: YamlDotNet's loader says so
                    }

                    break;
            }
        }
    }

    private static Mark LastGoodMark(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        Mark last = scanner.CurrentPosition;
        try
        {
            while (scanner.MoveNext())
            {
                last = scanner.Current?.End ?? last;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            // stop at the first token that cannot be read
        }

        return last;
    }

    private static string FirstLine(string s)
    {
        int i = s.IndexOf('\n');
        return i < 0 ? s : s[..i];
    }
}
