using Bulwark.Catalog.Reading;
using Bulwark.Raids;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Catalog;

/// <summary>
/// Reads scenario files (docs/catalog-format.md): an architecture and threats by catalog id or inline, overrides of any
/// catalog field, and the scenario's own entries. The one loader every verb uses.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario; the first problem is thrown as an <see cref="InputException"/>.</summary>
    public static Scenario Load(string file, string text, BulwarkCatalog? catalog = null)
    {
        var (scenario, problems) = Read(file, text, catalog ?? BulwarkCatalog.BuiltIn);
        return problems.Count > 0 ? throw problems[0] : scenario!;
    }

    /// <summary>Every problem in a scenario file (empty when it is valid).</summary>
    public static IReadOnlyList<InputException> Validate(string file, string text, BulwarkCatalog? catalog = null) =>
        Read(file, text, catalog ?? BulwarkCatalog.BuiltIn).Problems;

    private static (Scenario? Scenario, List<InputException> Problems) Read(string file, string text, BulwarkCatalog builtIn)
    {
        var problems = new ProblemList();
        void Collect(Action a) => problems.Collect(a);
        if (problems.Parse(file, text) is not { } root)
        {
            return (null, problems);
        }

        BulwarkCatalog catalog = builtIn.Copy();
        Collect(() => root.OnlyKeys("$schema", "name", "description", "architecture", "threats", "overrides", "define", "raid"));
        string name = Path.GetFileNameWithoutExtension(file);
        Collect(() => name = root.TryGet("name")?.String() ?? name);

        // The scenario's own entries first, so that the architecture and threats may use them.
        Collect(() =>
        {
            if (root.TryGet("define") is not { } define)
            {
                return;
            }

            define.OnlyKeys(BulwarkCatalog.Kinds);
            foreach (var (kind, list) in define.Entries())
            {
                foreach (YamlNode item in list.Items())
                {
                    Collect(() => catalog.Add(kind, item));
                }
            }
        });
        var scenarioProvenance = new Provenance(Confidence.Notional, Provenance.ScenarioSourceId, $"set in {file}", null, $"scenario override in {file}") { IsScenarioOverride = true };
        Collect(() =>
        {
            if (root.TryGet("overrides") is not { } overrides)
            {
                return;
            }

            foreach (var (id, value) in overrides.Entries())
            {
                Collect(() =>
                {
                    CatalogEntry entry = catalog.Find(id) ?? throw value.Error($"no catalog entry '{id}' to override");
                    if (!value.IsMapping)
                    {
                        throw value.Error("expected a mapping of the fields to change, e.g. { burnout_speed_km_s: 4.0 }");
                    }

                    catalog.Override(entry, value, scenarioProvenance);
                });
            }
        });
        foreach (CatalogEntry e in catalog.Entries.Where(e => e.Node.File == file || e.Node.Entries().Any(kv => kv.Value.File == file)))
        {
            Collect(() => catalog.Check(e));
        }

        Architecture? architecture = null;
        Collect(() =>
        {
            if (root.TryGet("architecture") is not { } a)
            {
                return;
            }

            architecture = a.IsMapping ? catalog.Architecture(catalog.Add("architectures", a).Id, a) : catalog.Architecture(a.String(), a);
        });
        IReadOnlyList<Threat> threats = [];
        Collect(() =>
        {
            if (root.TryGet("threats") is not { } t)
            {
                return;
            }

            threats = t.IsSequence
                ? ThreatReader.ReadList(t, catalog)
                : catalog.ThreatSet(t.String(), t).Threats;
        });
        Raid? raid = null;
        Collect(() => raid = root.TryGet("raid") is { } r ? RaidReader.Read(r, catalog) : null);
        return (new Scenario(file, name, catalog, architecture, threats) { Raid = raid, Start = (root.Line, root.Column) }, problems);
    }
}
