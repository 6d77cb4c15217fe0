using Bulwark.Catalog.Studies;
using Bulwark.Flight.Targeting;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// Reads a study's <c>sweep.variants</c> block (docs/sweeps.md, "Threat variants"):
/// <code>
/// variants:
///   launch:                          # or shape:
///     threat_classes: [mrbm, irbm]   # optional: the classes it changes (default: every class)
///     levels: [[tabriz], [qom], [tabriz, semnan, shahrud, qom]]   # shape: [lofted, depressed]
///     confidence: reported           # and source, note, … as any provenance record
///     source: garwin-postol-2009
/// </code>
/// The study's own choice is the nominal level, named from the classes (their common launch places or shape, or
/// <c>study</c> when they differ); a level equal to it is an error.
/// </summary>
internal static class ThreatVariantReader
{
    /// <summary>The variants, launch before shape.</summary>
    public static IReadOnlyList<ThreatVariant> Read(YamlNode node, BulwarkCatalog catalog, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<ThreatClass> classes)
    {
        node.OnlyKeys("launch", "shape");
        var variants = new List<ThreatVariant>();
        foreach (ThreatVariantKind kind in (ThreatVariantKind[])[ThreatVariantKind.Launch, ThreatVariantKind.Shape])
        {
            if (node.TryGet(kind == ThreatVariantKind.Launch ? "launch" : "shape") is { } v)
            {
                variants.Add(ReadOne(kind, v, catalog, sources, classes));
            }
        }

        return variants;
    }

    private static ThreatVariant ReadOne(ThreatVariantKind kind, YamlNode node, BulwarkCatalog catalog, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<ThreatClass> classes)
    {
        string[] keys = [.. BulwarkCatalog.ProvenanceKeys, "threat_classes", "levels"];
        node.OnlyKeys(keys);
        var changed = new List<ThreatClass>();
        if (node.TryGet("threat_classes") is { } only)
        {
            foreach (YamlNode item in only.Items())
            {
                ThreatClass c = classes.FirstOrDefault(x => x.Id == item.String())
                    ?? throw item.Error($"no threat class '{item.String()}' in this study; expected one of: {string.Join(", ", classes.Select(x => x.Id))}");
                if (changed.Contains(c))
                {
                    throw item.Error($"the threat class '{c.Id}' is listed twice");
                }

                changed.Add(c);
            }

            if (changed.Count == 0)
            {
                throw only.Error("expected at least one threat class id");
            }

            changed = [.. classes.Where(changed.Contains)];
        }
        else
        {
            changed = [.. classes];
        }

        ThreatVariantLevel nominal = kind == ThreatVariantKind.Launch
            ? changed.Select(c => string.Join('+', c.LaunchPlaceIds)).Distinct().Count() == 1 ? ThreatVariantLevel.Launch(changed[0].LaunchPlaceIds) : new ThreatVariantLevel("study", null, null)
            : changed.Select(c => c.Shape).Distinct().Count() == 1 ? ThreatVariantLevel.Of(changed[0].Shape) : new ThreatVariantLevel("study", null, null);
        var levels = new List<ThreatVariantLevel> { nominal };
        YamlNode list = node.Get("levels");
        foreach (YamlNode item in list.Items())
        {
            ThreatVariantLevel level = kind == ThreatVariantKind.Launch ? LaunchLevel(item, catalog) : ShapeLevel(item);
            if (level.Name == nominal.Name)
            {
                throw item.Error($"'{level.Name}' is the study's own choice (the nominal run's); expected other levels");
            }

            if (levels.Any(l => l.Name == level.Name))
            {
                throw item.Error($"the level '{level.Name}' is listed twice");
            }

            levels.Add(level);
        }

        if (levels.Count < 2)
        {
            throw list.Error("expected at least one level besides the study's own");
        }

        Provenance provenance = catalog.ReadProvenanceRecord(node, sources, keys);
        return new ThreatVariant(kind, [.. changed.Select(c => c.Id)], levels, provenance);
    }

    private static ThreatVariantLevel LaunchLevel(YamlNode item, BulwarkCatalog catalog)
    {
        IReadOnlyList<YamlNode> places = item.IsScalar ? [item] : item.Items();
        var ids = new List<string>();
        foreach (YamlNode p in places)
        {
            string id = catalog.Get("places", p.String(), p).Id;
            if (ids.Contains(id))
            {
                throw p.Error($"the place '{id}' is listed twice in this level");
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ThreatVariantLevel.Launch(ids) : throw item.Error("expected at least one launch place id");
    }

    private static ThreatVariantLevel ShapeLevel(YamlNode item) =>
        ThreatVariantLevel.Of(TrajectoryShapeNames.Parse(item.String()) ?? throw item.Error($"unknown shape '{item.String()}'; expected minimum-energy, lofted or depressed"));
}
