using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight.Vehicles;
using Bulwark.Catalog.Reading;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;
using Bulwark.Sensing;

using Bulwark.Sweeps;

namespace Bulwark.Catalog;

/// <summary>
/// The catalog: sources, places, missiles, interceptors, sensors, architectures and threat sets, each entry with the
/// provenance of its numbers. The built-in catalog is compiled into the library from <c>catalog/*.yaml</c>; scenarios
/// layer overrides and their own entries on top (<see cref="ScenarioLoader"/>). See docs/catalog-format.md.
/// </summary>
public sealed partial class BulwarkCatalog
{
    /// <summary>The kinds of entries, in the order they are listed.</summary>
    public static readonly string[] Kinds = ["places", "missiles", "interceptors", "sensors", "architectures", "threat-sets"];

    private static readonly Lazy<BulwarkCatalog> BuiltInCatalog = new(LoadBuiltIn);
    private readonly Dictionary<string, CatalogEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _entries = [];
    private readonly List<InputException> _problems = [];

    private BulwarkCatalog() { }

    /// <summary>The catalog shipped with Bulwark.</summary>
    public static BulwarkCatalog BuiltIn => BuiltInCatalog.Value;

    public IReadOnlyList<CatalogEntry> Entries => _entries;

    public IReadOnlyDictionary<string, Source> Sources => _sources;

    /// <summary>Everything wrong with the catalog: unreadable entries, numbers without provenance, unresolved references.</summary>
    public IReadOnlyList<InputException> Problems => _problems;

    /// <summary>Reads a catalog from (file name, text) pairs. Problems are collected, not thrown.</summary>
    public static BulwarkCatalog FromTexts(IEnumerable<(string File, string Text)> files)
    {
        var catalog = new BulwarkCatalog();
        var roots = new List<YamlNode>();
        foreach (var (file, text) in files)
        {
            try
            {
                roots.Add(YamlNode.Parse(file, text));
            }
            catch (InputException e)
            {
                catalog._problems.Add(e);
            }
        }

        foreach (YamlNode root in roots)
        {
            catalog.Collect(() => catalog.ReadSources(root));
        }

        foreach (YamlNode root in roots)
        {
            catalog.Collect(() => catalog.ReadEntries(root));
        }

        catalog.CheckEntries();
        return catalog;
    }

    /// <summary>A copy to layer a scenario on (entries are shared; adding or replacing one leaves this catalog as it is).</summary>
    internal BulwarkCatalog Copy()
    {
        var copy = new BulwarkCatalog();
        foreach (var (k, v) in _sources)
        {
            copy._sources[k] = v;
        }

        foreach (CatalogEntry e in _entries)
        {
            copy._entries.Add(e);
            copy._byId[e.Id] = e;
        }

        return copy;
    }

    /// <summary>
    /// A copy with some numbers changed (a sweep's run): each value replaces the number at its key path of its entry, as
    /// a scenario's <c>overrides:</c> would (an interceptor's <c>burnout_speed_km_s</c> then scales its stages, and the
    /// number's provenance becomes <paramref name="why"/>). This catalog is left as it is.
    /// </summary>
    /// <exception cref="InputException">an entry is unknown, a path names no number of it, or the changed entry does not read</exception>
    public BulwarkCatalog WithValues(IEnumerable<(string EntryId, string Path, double Value)> values, string why)
    {
        ArgumentNullException.ThrowIfNull(values);
        BulwarkCatalog copy = Copy();
        var provenance = new Provenance(Confidence.Notional, Provenance.ScenarioSourceId, why, null, why) { IsScenarioOverride = true };
        foreach (var (entryId, path, value) in values)
        {
            CatalogEntry entry = copy.Find(entryId) ?? throw new InputException(null, null, null, entryId, $"no catalog entry '{entryId}' to change");
            if (!entry.Numbers().Any(n => n.Path == path) || path.Contains('['))
            {
                throw new InputException(entry.File, entry.Line, null, $"{entryId}.{path}", $"'{path}' is not a number of {entryId} outside a list");
            }

            // The override as YAML: "a.b" = v becomes { a: { b: v } }, the value written so that it reads back to the same double.
            string[] keys = path.Split('.');
            var yaml = new System.Text.StringBuilder();
            for (int i = 0; i < keys.Length; i++)
            {
                yaml.Append(' ', 2 * i).Append(keys[i]).Append(':');
                yaml.Append(i == keys.Length - 1 ? " " + value.ToString("R", CultureInfo.InvariantCulture) + "\n" : "\n");
            }

            YamlNode overrides = YamlNode.Parse($"{why} ({entryId}.{path})", yaml.ToString());
            copy.Check(copy.Override(entry, overrides, provenance));
        }

        return copy;
    }

    /// <summary>Replaces an entry by the same entry with <paramref name="overrides"/> laid over it, the overridden numbers
    /// getting <paramref name="provenance"/>.</summary>
    internal CatalogEntry Override(CatalogEntry entry, YamlNode overrides, Provenance provenance)
    {
        YamlNode merged = entry.Node.MergedWith(overrides);
        // The entry's own rules for an overridden path (or below it) go: the number is the scenario's now.
        var paths = OverridePaths(overrides, "").ToList();
        var rules = entry.ProvenanceRules
            .Where(r => !paths.Any(p => r.Key == p || (r.Key.StartsWith(p, StringComparison.Ordinal) && r.Key[p.Length] is '.' or '[')))
            .Concat(paths.Select(p => (p, provenance))).ToList();
        // A range goes with the number it was given for: an overridden number is the scenario's, without the catalog's range.
        var ranges = entry.Ranges.Where(r => !paths.Any(p => r.Path == p || (r.Path.StartsWith(p, StringComparison.Ordinal) && r.Path[p.Length] is '.' or '['))).ToList();
        var replaced = new CatalogEntry(entry.Kind, entry.Id, entry.Name, merged, rules, ranges) { Written = entry.Written };
        _entries[_entries.IndexOf(entry)] = replaced;
        _byId[entry.Id] = replaced;
        return replaced;
    }

    private static IEnumerable<string> OverridePaths(YamlNode node, string path)
    {
        if (node.IsMapping)
        {
            return node.Entries().SelectMany(kv => OverridePaths(kv.Value, path.Length == 0 ? kv.Key : $"{path}.{kv.Key}"));
        }

        return [path];
    }

    /// <summary>Checks one entry as the catalog checks its own (typed reading, references); throws the first problem.</summary>
    internal void Check(CatalogEntry e)
    {
        CheckEntry(e);
        CheckRanges(e);
        foreach (var (path, node) in e.Numbers())
        {
            if (Units.Of(path) is null)
            {
                throw node.Error("this number's key names no unit; expected a unit suffix (_m, _km, _s, _kg, _deg, _km_s, …; docs/catalog-format.md)");
            }

            if (e.ProvenanceOf(path) is null)
            {
                throw node.Error("this number has no provenance; expected a rule for it (or a parent key, or \"*\") in the entry's provenance block");
            }
        }
    }

    private static void CheckRanges(CatalogEntry e)
    {
        foreach (NumberRange r in e.Ranges)
        {
            CheckRange(e, r, e.Node.Get("uncertain").Get(r.Path));
        }
    }

    /// <summary>A range names a number of the entry (not in a list: a sweep changes it by overriding it) and holds its value.</summary>
    internal static void CheckRange(CatalogEntry e, NumberRange r, YamlNode where)
    {
        var (_, number) = e.Numbers().FirstOrDefault(n => n.Path == r.Path);
        if (number is null || r.Path.Contains('['))
        {
            throw where.Error($"'{r.Path}' is not a number of {e.Id} outside a list; expected the key path of one of its numbers (e.g. burnout_speed_km_s)");
        }

        double nominal = number.Number();
        if (nominal < r.Low || nominal > r.High)
        {
            throw where.Error(string.Create(CultureInfo.InvariantCulture,
                $"the range {r.Low} to {r.High} of {r.Path} does not hold its value {nominal}; expected low <= value <= high"));
        }
    }

    /// <summary>The entry with that id, or null.</summary>
    public CatalogEntry? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<CatalogEntry> OfKind(string kind) => _entries.Where(e => e.Kind == kind);

    /// <summary>The entry of that kind and id; a clear error naming the kind's ids otherwise.</summary>
    public CatalogEntry Get(string kind, string id, YamlNode? where = null)
    {
        if (_byId.TryGetValue(id, out CatalogEntry? e) && e.Kind == kind)
        {
            return e;
        }

        string problem = e is null
            ? $"no {Singular(kind)} '{id}' in the catalog; {Known(kind)}"
            : $"'{id}' is {Article(Singular(e.Kind))}, not {Article(Singular(kind))}";
        throw where?.Error(problem) ?? new InputException(null, null, null, null, problem);
    }

    // Typed records: each entry is read once (CatalogEntry.Record) and the record is shared by every caller; a
    // scenario's copy of the catalog shares the records of the entries it did not replace.

    /// <summary>The place <paramref name="id"/>.</summary>
    public Place Place(string id, YamlNode? where = null) => Get("places", id, where).Record(e => PlaceReader.Read(e.Node));

    /// <summary>
    /// The missile <paramref name="id"/>, read once per entry. Where a scenario or a sweep has changed its
    /// <c>calibration.range_km</c>, its stages are scaled (<see cref="RangeScaledMissile"/>: every stage's Isp by one
    /// factor) so that its maximum range due north from its calibration launch point (<c>calibration.from</c>) changes in
    /// the ratio of the new figure to the one the catalog wrote: at the written figure it is the catalog's missile.
    /// </summary>
    public IGuidedMissile Missile(string id, YamlNode? where = null) => Get("missiles", id, where).Record(entry =>
    {
        IGuidedMissile missile = MissileFile.Read(entry.Node);
        if (entry.ProvenanceOf(CalibrationRangeKey)?.IsScenarioOverride != true)
        {
            return missile;
        }

        double range = entry.NumberAt(CalibrationRangeKey)!.Value, written = entry.Written.NumberAt(CalibrationRangeKey) ?? range;
        if (range == written)
        {
            return missile;
        }

        string name = $"{id}.{CalibrationRangeKey}";
        if (missile is not StagedRocket rocket || entry.ScalarAt("calibration.from") is not { } fromId)
        {
            throw new InputException(entry.File, entry.Line, null, name, "only a staged missile with a calibration.from launch place can be given another range");
        }

        Geodetic from = Place(fromId).Position;
        double ratio = range / written;
        try
        {
            return RangeScaledMissile.For(rocket, from, ratio * RangeScaledMissile.MaximumRangeDueNorthM(rocket, from));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InputException(entry.File, entry.Line, null, name, e.Message.Split(" (Parameter", 2)[0]);
        }
    });

    private const string CalibrationRangeKey = "calibration.range_km";

    /// <summary>The radar cross-sections of missile <paramref name="missileId"/>; a clear error if it has none.</summary>
    public ThreatSignature Signature(string missileId, YamlNode? where = null) =>
        Get("missiles", missileId, where).Record(e => SignatureReader.Read(e.Node));

    /// <summary>The sensor type <paramref name="id"/>.</summary>
    public SensorSpec Sensor(string id, YamlNode? where = null) => Get("sensors", id, where).Record(e => SensorReader.Read(e.Node));

    /// <summary>The architecture <paramref name="id"/> (its places, interceptors and sensors checked against this catalog).</summary>
    public Architecture Architecture(string id, YamlNode? where = null) =>
        Get("architectures", id, where).Record(e => ArchitectureReader.Read(e.Node, this));

    /// <summary>The threat set <paramref name="id"/>.</summary>
    public ThreatSet ThreatSet(string id, YamlNode? where = null) => Get("threat-sets", id, where).Record(e => ThreatReader.ReadSet(e.Node, this));

    /// <summary>
    /// The interceptor <paramref name="id"/>, read and calibrated once per entry. Where a scenario has overridden its
    /// <c>burnout_speed_km_s</c>, its stages are scaled (<see cref="SpeedScaledInterceptor"/>: every stage's Isp by one
    /// factor) so that the standard fly-out the catalog's speeds are calibrated on reaches the new speed: the
    /// reach follows the override. The calibration itself is kept per process (<see cref="SpeedScaledInterceptor.For"/>).
    /// </summary>
    public Interceptor Interceptor(string id, YamlNode? where = null) => Get("interceptors", id, where).Record(entry =>
    {
        Interceptor interceptor = InterceptorFile.Read(entry.Node);
        if (entry.ProvenanceOf(BurnoutSpeedKey)?.IsScenarioOverride != true)
        {
            return interceptor;
        }

        return (SpeedScaledInterceptor.TryFor(interceptor, interceptor.BurnoutSpeedMPerS) ?? throw new InputException(entry.File, entry.Line, null,
            $"{id}.{BurnoutSpeedKey}", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{interceptor.BurnoutSpeedMPerS / 1000:0.###} km/s is too slow for this interceptor: a copy with its specific impulses scaled down that far (thrust with them) does not burn out on the standard fly-out; expected a higher speed")))
            with { Id = interceptor.Id };
    });

    private const string BurnoutSpeedKey = "burnout_speed_km_s";

    /// <summary>The ids of a kind when there are few; otherwise where to list them.</summary>
    private string Known(string kind)
    {
        var ids = OfKind(kind).Select(x => x.Id).ToList();
        return ids.Count <= 20 ? $"known: {string.Join(", ", ids)}" : $"{ids.Count} are known: run 'bulwark catalog {kind}'";
    }

    private static string Article(string noun) => ("aeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    public static string Singular(string kind) => kind switch
    {
        "places" => "place",
        "missiles" => "missile",
        "interceptors" => "interceptor",
        "sensors" => "sensor",
        "architectures" => "architecture",
        "threat-sets" => "threat set",
        _ => kind,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private static BulwarkCatalog LoadBuiltIn()
    {
        Assembly assembly = typeof(BulwarkCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("catalog/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            })
            .ToList();
        return FromTexts(files);
    }

    private void Collect(Action read)
    {
        try
        {
            read();
        }
        catch (InputException e)
        {
            _problems.Add(e);
        }
    }

    private void ReadSources(YamlNode root)
    {
        if (root.TryGet("sources") is not { } list)
        {
            return;
        }

        foreach (YamlNode item in list.Items())
        {
            Collect(() =>
            {
                Source source = ReadSource(item);
                if (!_sources.TryAdd(source.Id, source))
                {
                    throw item.Get("id").Error($"the source id '{source.Id}' is used twice");
                }
            });
        }
    }

    /// <summary>Reads one entry of a <c>sources:</c> list (the catalog's, or a study file's own).</summary>
    internal static Source ReadSource(YamlNode item)
    {
        item.OnlyKeys("id", "author", "title", "year", "where", "url", "note");
        string id = CheckId(item.Get("id"));
        int? year = item.TryGet("year") is { IsNull: false } y ? (int)y.Number(1900, 2100, "a year") : null;
        return new Source(id, item.Get("author").String(), item.Get("title").String(), year, item.TryGet("where")?.String(), item.TryGet("url")?.String());
    }

    private void ReadEntries(YamlNode root)
    {
        root.OnlyKeys([.. Kinds, "sources"]);
        foreach (string kind in Kinds)
        {
            if (root.TryGet(kind) is not { } list)
            {
                continue;
            }

            foreach (YamlNode item in list.Items())
            {
                Collect(() => Add(kind, item));
            }
        }
    }

    /// <summary>Adds (or, for a scenario's own entries, adds on top) one entry.</summary>
    internal CatalogEntry Add(string kind, YamlNode item, bool replace = false)
    {
        YamlNode idNode = item.Get("id");
        string id = CheckId(idNode);
        string name = item.Get("name").String();
        var rules = ReadProvenance(item.TryGet("provenance"));
        var entry = new CatalogEntry(kind, id, name, item, rules, ReadRanges(id, item.TryGet("uncertain")));
        if (_byId.TryGetValue(id, out CatalogEntry? existing))
        {
            if (!replace)
            {
                throw idNode.Error($"the id '{id}' is already used by the {Singular(existing.Kind)} at {existing.Node.File}:{existing.Node.Line}");
            }

            _entries.Remove(existing);
        }

        _byId[id] = entry;
        _entries.Add(entry);
        return entry;
    }

    private List<(string Key, Provenance Provenance)> ReadProvenance(YamlNode? node)
    {
        var rules = new List<(string, Provenance)>();
        if (node is null)
        {
            return rules;
        }

        foreach (var (key, value) in node.Entries())
        {
            rules.Add((key, ReadProvenanceRecord(value)));
        }

        return rules;
    }

    internal Provenance ReadProvenanceRecord(YamlNode value) => ReadProvenanceRecord(value, null);

    internal static readonly string[] ProvenanceKeys = ["confidence", "source", "calibrated_to", "derivation", "note", "page"];

    /// <summary>
    /// An entry's <c>uncertain:</c> block: for each number's key path, <c>{ low, high, distribution?, confidence, source,
    /// … }</c>: the range in the number's unit and the provenance of the range (docs/catalog-format.md).
    /// </summary>
    internal List<NumberRange> ReadRanges(string entryId, YamlNode? node) =>
        [.. (node?.Entries() ?? []).Select(kv => ReadRange(entryId, kv.Key, kv.Value, null))];

    /// <summary>One range of an <c>uncertain:</c> block: the number at <paramref name="path"/> of entry <paramref name="entryId"/>.</summary>
    internal NumberRange ReadRange(string entryId, string path, YamlNode value, IReadOnlyDictionary<string, Source>? moreSources)
    {
        string[] keys = [.. ProvenanceKeys, "low", "high", "distribution"];
        value.OnlyKeys(keys);
        double low = value.Get("low").Number(), high = value.Get("high").Number();
        if (!(low <= high))
        {
            throw value.Get("high").Error(string.Create(CultureInfo.InvariantCulture, $"the range of {path} needs low <= high, got {low} and {high}"));
        }

        InputDistribution distribution = value.TryGet("distribution") is not { } d ? InputDistribution.Uniform : d.String() switch
        {
            "uniform" => InputDistribution.Uniform,
            "triangular" => InputDistribution.Triangular,
            string other => throw d.Error($"unknown distribution '{other}'; expected uniform or triangular (its mode at the nominal value)"),
        };
        return new NumberRange(entryId, path, low, high, distribution, ReadProvenanceRecord(value, moreSources, keys));
    }

    /// <summary>A provenance record whose source may also be one of <paramref name="moreSources"/> (a study file's own).</summary>
    internal Provenance ReadProvenanceRecord(YamlNode value, IReadOnlyDictionary<string, Source>? moreSources, string[]? keys = null)
    {
        value.OnlyKeys(keys ?? ProvenanceKeys);
        YamlNode confidenceNode = value.Get("confidence");
        Confidence confidence = confidenceNode.String() switch
        {
            "published" => Confidence.Published,
            "reported" => Confidence.Reported,
            "derived" => Confidence.Derived,
            "notional" => Confidence.Notional,
            string other => throw confidenceNode.Error($"unknown confidence '{other}'; expected published, reported, derived or notional"),
        };
        YamlNode? sourceNode = value.TryGet("source");
        string? source = sourceNode?.String();
        if (sourceNode is not null && source != Provenance.ScenarioSourceId && !_sources.ContainsKey(source!) && moreSources?.ContainsKey(source!) != true)
        {
            throw sourceNode.Error($"no source '{source}' in the bibliography (catalog/sources-*.yaml)");
        }

        string? calibrated = value.TryGet("calibrated_to")?.String();
        string? derivation = value.TryGet("derivation")?.String();
        string? note = value.TryGet("note")?.String();
        if (value.TryGet("page") is { } page)
        {
            note = note is null ? $"p. {page.String()}" : $"{note} (p. {page.String()})";
        }

        if (source is null)
        {
            throw value.Error($"a {confidenceNode.String()} number needs a source");
        }

        if (confidence == Confidence.Notional && calibrated is null)
        {
            throw value.Error("a notional number needs calibrated_to: the published figure it is chosen to reproduce");
        }

        if (confidence == Confidence.Derived && derivation is null)
        {
            throw value.Error("a derived number needs derivation: how it was computed");
        }

        return new Provenance(confidence, source, calibrated, derivation, note);
    }

    private static string CheckId(YamlNode idNode)
    {
        string id = idNode.String();
        return KebabCase().IsMatch(id) ? id : throw idNode.Error($"'{id}' is not a valid id; expected lowercase kebab-case, e.g. sm-3-iia");
    }

    /// <summary>Typed reading of every entry, numbers without provenance, and references between entries.</summary>
    private void CheckEntries()
    {
        foreach (CatalogEntry e in _entries)
        {
            Collect(() => Check(e));
        }
    }

    private void CheckEntry(CatalogEntry e)
    {
        switch (e.Kind)
        {
            case "places":
                e.Record(x => PlaceReader.Read(x.Node));
                break;
            case "missiles":
                // Read, not kept: a missile whose range is overridden is scaled on first use (Missile).
                MissileFile.Read(e.Node);
                if (e.Node.Has("rcs"))
                {
                    e.Record(x => SignatureReader.Read(x.Node));
                }

                break;
            case "interceptors":
                // Read, not calibrated: checking the catalog flies no fly-out (a speed override is calibrated on first use).
                InterceptorFile.Read(e.Node);
                break;
            case "sensors":
                e.Record(x => SensorReader.Read(x.Node));
                break;
            case "architectures":
                e.Record(x => ArchitectureReader.Read(x.Node, this));
                break;
            case "threat-sets":
                e.Record(x => ThreatReader.ReadSet(x.Node, this));
                break;
        }
    }
}
