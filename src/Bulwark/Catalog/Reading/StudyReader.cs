using System.Globalization;
using System.Reflection;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;
using Bulwark.Numerics;
using Bulwark.Catalog.Studies;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// Reads study files (docs/studies.md): the architectures, threat classes, resolution, members, shots threat set and
/// deterrent options of a <c>bulwark compare</c> run, every id checked against the catalog and every number against its
/// unit and provenance, as the catalog's are. The shipped studies (<c>studies/*.yaml</c>) are compiled into the library.
/// </summary>
public static class StudyReader
{
    /// <summary>The top-level key that makes a YAML file a study (its value is the study's id).</summary>
    public const string KindKey = "study";

    private static readonly string[] TopKeys =
    [
        "$schema", KindKey, "name", "description", "architectures", "threat_classes", "members_year", "step_deg", "resolution_deg",
        "shots_threat_set", "participation", "deterrent", "sources", "provenance", "sweep", "uncertain",
    ];

    private const string ResourcePrefix = "studies/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> ShippedTexts = new(LoadShipped);

    /// <summary>Whether a parsed YAML file is a study (it has a top-level <c>study:</c> key).</summary>
    public static bool IsStudy(YamlNode root) => root.IsMapping && root.Has(KindKey);

    /// <summary>Whether a YAML text is a study file (it has a top-level <c>study:</c> key); a parse error is located in <paramref name="file"/>.</summary>
    public static bool IsStudy(string file, string text) => IsStudy(YamlNode.Parse(file, text));

    /// <summary>The ids of the shipped studies, in order.</summary>
    public static IReadOnlyList<string> ShippedIds => [.. ShippedTexts.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The text of a shipped study file, or null when there is none of that id.</summary>
    public static string? ShippedText(string id) => ShippedTexts.Value.GetValueOrDefault(id);

    /// <summary>A shipped study, read against <paramref name="catalog"/> (the built-in one by default).</summary>
    public static Study Shipped(string id, BulwarkCatalog? catalog = null)
    {
        string text = ShippedText(id) ?? throw new InputException(null, null, null, null,
            $"no shipped study '{id}'; known: {string.Join(", ", ShippedIds)}");
        return Read(ResourcePrefix + id + ".yaml", text, catalog);
    }

    /// <summary>Reads a study file; the first problem is thrown as an <see cref="InputException"/>.</summary>
    public static Study Read(string file, string text, BulwarkCatalog? catalog = null)
    {
        var (study, problems) = ReadAll(file, text, catalog ?? BulwarkCatalog.BuiltIn);
        return problems.Count > 0 ? throw problems[0] : study!;
    }

    /// <summary>Every problem in a study file (empty when it is valid).</summary>
    public static IReadOnlyList<InputException> Validate(string file, string text, BulwarkCatalog? catalog = null) =>
        ReadAll(file, text, catalog ?? BulwarkCatalog.BuiltIn).Problems;

    private static (Study? Study, List<InputException> Problems) ReadAll(string file, string text, BulwarkCatalog catalog)
    {
        var problems = new ProblemList();
        void Collect(Action a) => problems.Collect(a);
        if (problems.Parse(file, text) is not { } root)
        {
            return (null, problems);
        }

        Collect(() => root.OnlyKeys(TopKeys));
        string id = "", name = "";
        string? description = null;
        Collect(() => id = Id(root.Get(KindKey)));
        Collect(() => name = root.Get("name").String());
        Collect(() => description = root.TryGet("description")?.String());

        var options = new ComparisonOptions { Title = "", ArchitectureIds = [], ThreatClasses = [] };
        Collect(() => options = options with { ArchitectureIds = Architectures(root.Get("architectures"), catalog) });
        Collect(() => options = options with { ThreatClasses = ThreatClasses(root.Get("threat_classes"), catalog) });
        Collect(() =>
        {
            if (root.TryGet("participation") is { } p)
            {
                options = options with { Participation = Participation(p, options.ArchitectureIds) };
            }
        });
        Collect(() => options = options with
        {
            MembersYear = root.TryGet("members_year") is { } m ? MembersYear(m) : options.MembersYear,
        });
        Collect(() =>
        {
            // resolution_deg: an adaptive grid refined to that resolution (the default); step_deg: a uniform grid.
            string range = $"{FootprintSettings.MinStepDeg.ToString(CultureInfo.InvariantCulture)} to {FootprintSettings.MaxStepDeg.ToString(CultureInfo.InvariantCulture)} degrees";
            YamlNode? step = root.TryGet("step_deg"), resolution = root.TryGet("resolution_deg");
            if (step is not null && resolution is not null)
            {
                throw resolution.Error("give either resolution_deg (an adaptive grid) or step_deg (a uniform grid), not both");
            }

            if (step is not null)
            {
                options = options with { StepDeg = step.Number(FootprintSettings.MinStepDeg, FootprintSettings.MaxStepDeg, $"a grid step of {range}"), Adaptive = false };
            }
            else if (resolution is not null)
            {
                options = options with { StepDeg = resolution.Number(FootprintSettings.MinStepDeg, FootprintSettings.MaxStepDeg, $"a resolution of {range}"), Adaptive = true };
            }
        });
        Collect(() =>
        {
            if (root.TryGet("shots_threat_set") is { } s)
            {
                catalog.Get("threat-sets", s.String(), s);
                options = options with { ShotsThreatSet = s.String() };
            }
        });
        Collect(() =>
        {
            if (root.TryGet("deterrent") is { } d)
            {
                var (run, deterrent) = Deterrent(d, catalog);
                options = options with { Deterrent = run, DeterrentOptions = deterrent };
            }
        });
        options = options with { Title = name };

        // Provenance, as the catalog's: every number has a unit in its key name and a rule that covers it.
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        Collect(() =>
        {
            foreach (YamlNode item in root.TryGet("sources")?.Items() ?? [])
            {
                Collect(() =>
                {
                    Source source = BulwarkCatalog.ReadSource(item);
                    if (catalog.Sources.ContainsKey(source.Id) || !sources.TryAdd(source.Id, source))
                    {
                        throw item.Get("id").Error($"the source id '{source.Id}' is already used (in the catalog's bibliography or this file)");
                    }
                });
            }
        });
        var rules = new List<(string Key, Provenance Provenance)>();
        Collect(() =>
        {
            foreach (var (key, value) in root.TryGet("provenance")?.Entries() ?? [])
            {
                Collect(() => rules.Add((key, catalog.ReadProvenanceRecord(value, sources))));
            }
        });
        SweepSettings sweep = SweepSettings.Default;
        Collect(() => sweep = Sweep(root.TryGet("sweep"), root.TryGet("uncertain"), catalog, sources, options.ThreatClasses));
        var entry = new CatalogEntry("studies", id, name, root, rules);
        foreach (var (path, node) in entry.Numbers())
        {
            // The sweep block's numbers are how to run (a grid step, a sample size, a seed), not figures of the world.
            if (path.StartsWith("sources", StringComparison.Ordinal) || path.StartsWith("sweep", StringComparison.Ordinal))
            {
                continue;
            }

            Collect(() =>
            {
                if (Units.Of(path) is null)
                {
                    throw node.Error("this number's key names no unit; expected a unit suffix (_deg, _km_s, _s, _count, …; docs/catalog-format.md)");
                }

                if (entry.ProvenanceOf(path) is null)
                {
                    throw node.Error("this number has no provenance; expected a rule for it (or a parent key, or \"*\") in the study's provenance block");
                }
            });
        }

        return (new Study(id, name, description, file, options) { Provenance = rules, Sweep = sweep, Text = text, Sources = sources }, problems);
    }

    /// <summary>The <c>sweep:</c> block (how a sweep runs) and the study's own <c>uncertain:</c> ranges, keyed <c>ENTRY.PATH</c>.</summary>
    private static SweepSettings Sweep(YamlNode? node, YamlNode? uncertain, BulwarkCatalog catalog, IReadOnlyDictionary<string, Source> sources,
        IReadOnlyList<ThreatClass> classes)
    {
        SweepSettings s = SweepSettings.Default;
        if (node is not null)
        {
            node.OnlyKeys("inputs", "step_deg", "resolution_deg", "samples", "seed", "flip_bisections", "thresholds", "variants");
            if (node.TryGet("variants") is { } variants)
            {
                s = s with { Variants = ThreatVariantReader.Read(variants, catalog, sources, classes) };
            }

            if (node.TryGet("inputs") is { } inputs)
            {
                s = s with { Inputs = inputs.IsScalar && inputs.String() == "all" ? null : [.. inputs.Items().Select(i => i.String())] };
            }

            string range = $"{FootprintSettings.MinStepDeg.ToString(CultureInfo.InvariantCulture)} to {FootprintSettings.MaxStepDeg.ToString(CultureInfo.InvariantCulture)} degrees";
            YamlNode? step = node.TryGet("step_deg"), resolution = node.TryGet("resolution_deg");
            if (step is not null && resolution is not null)
            {
                throw resolution.Error("give either resolution_deg (an adaptive grid) or step_deg (a uniform grid), not both");
            }

            if (step is not null)
            {
                s = s with { StepDeg = step.Number(FootprintSettings.MinStepDeg, FootprintSettings.MaxStepDeg, $"a grid step of {range}"), Adaptive = false };
            }
            else if (resolution is not null)
            {
                s = s with { StepDeg = resolution.Number(FootprintSettings.MinStepDeg, FootprintSettings.MaxStepDeg, $"a resolution of {range}"), Adaptive = true };
            }

            if (node.TryGet("samples") is { } n)
            {
                s = s with { Samples = (int)n.Number(0, 100_000, "a whole number of samples from 0 to 100,000") };
            }

            if (node.TryGet("seed") is { } seed)
            {
                s = s with { Seed = (ulong)seed.Number(0, 9_007_199_254_740_992, "a seed, a whole number from 0 to 2^53") };
            }

            if (node.TryGet("flip_bisections") is { } b)
            {
                s = s with { FlipBisections = (int)b.Number(0, 30, "a whole number of bisection steps from 0 to 30") };
            }

            if (node.TryGet("thresholds") is { } t)
            {
                s = s with { Thresholds = Bool(t) };
            }
        }

        var ranges = new List<NumberRange>();
        foreach (var (name, value) in uncertain?.Entries() ?? [])
        {
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            CatalogEntry entry = dot > 0 ? catalog.Find(name[..dot]) ?? throw value.Error($"no catalog entry '{name[..dot]}' for the range '{name}'; expected ENTRY.PATH, e.g. gbi-2-stage-mda.burnout_speed_km_s")
                : throw value.Error($"'{name}' names no number; expected ENTRY.PATH, e.g. gbi-2-stage-mda.burnout_speed_km_s");
            NumberRange r = catalog.ReadRange(entry.Id, name[(dot + 1)..], value, sources);
            BulwarkCatalog.CheckRange(entry, r, value);
            ranges.Add(r);
        }

        return s with { Ranges = ranges };
    }

    private static string Id(YamlNode node)
    {
        string id = node.String();
        return System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9]+(-[a-z0-9]+)*$")
            ? id
            : throw node.Error($"'{id}' is not a valid study id; expected lowercase kebab-case, e.g. lisbon-2010");
    }

    private static List<string> Architectures(YamlNode list, BulwarkCatalog catalog)
    {
        var ids = new List<string>();
        foreach (YamlNode item in list.Items())
        {
            string id = catalog.Get("architectures", item.String(), item).Id;
            if (ids.Contains(id))
            {
                throw item.Error($"the architecture '{id}' is listed twice");
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ids : throw list.Error("expected at least one architecture id");
    }

    /// <summary><c>participation: { label, baseline, adds: [...], note? }</c>: architectures of the study compared with a baseline of the study.</summary>
    private static Participation Participation(YamlNode node, IReadOnlyList<string> architectures)
    {
        node.OnlyKeys("label", "baseline", "adds", "note");
        string Member(YamlNode id) => architectures.Contains(id.String()) ? id.String()
            : throw id.Error($"'{id.String()}' is not among the study's architectures ({string.Join(", ", architectures)})");
        string baseline = Member(node.Get("baseline"));
        YamlNode adds = node.Get("adds");
        var added = adds.Items().Select(Member).ToList();
        if (added.Count == 0)
        {
            throw adds.Error("expected at least one architecture id");
        }

        if (added.Contains(baseline))
        {
            throw adds.Error($"the baseline '{baseline}' cannot also be an architecture that adds to it");
        }

        return new Participation(node.Get("label").String(), baseline, added, node.TryGet("note")?.String());
    }

    private static List<ThreatClass> ThreatClasses(YamlNode list, BulwarkCatalog catalog)
    {
        var classes = new List<ThreatClass>();
        foreach (YamlNode item in list.Items())
        {
            item.OnlyKeys("id", "label", "missile", "launch", "region", "shape");
            YamlNode idNode = item.Get("id");
            string id = Id(idNode);
            if (classes.Any(c => c.Id == id))
            {
                throw idNode.Error($"the threat class id '{id}' is used twice");
            }

            YamlNode missile = item.Get("missile");
            catalog.Get("missiles", missile.String(), missile);
            YamlNode launch = item.Get("launch");
            var places = launch.Items().Select(p => catalog.Get("places", p.String(), p).Id).ToList();
            if (places.Count == 0)
            {
                throw launch.Error("expected at least one launch place id");
            }

            var (box, regionName) = Region(item.Get("region"));
            TrajectoryShape shape = TrajectoryShape.MinimumEnergy;
            if (item.TryGet("shape") is { } s)
            {
                shape = TrajectoryShapeNames.Parse(s.String()) ?? throw s.Error($"unknown shape '{s.String()}'; expected minimum-energy, lofted or depressed");
            }

            classes.Add(new ThreatClass(id, item.Get("label").String(), missile.String(), places, box, regionName) { Shape = shape });
        }

        return classes.Count > 0 ? classes : throw list.Error("expected at least one threat class");
    }

    /// <summary>A named region (<c>nato-europe</c>) or a box <c>{ min_lat_deg, min_lon_deg, max_lat_deg, max_lon_deg }</c>,
    /// named as <c>bulwark footprint --region</c> takes it ("24,-125,50,-66").</summary>
    private static (GeoBox Box, string Name) Region(YamlNode node)
    {
        if (node.IsScalar)
        {
            string name = node.String();
            return name == "nato-europe"
                ? (GeoBox.NatoEurope, name)
                : throw node.Error($"unknown region '{name}'; expected nato-europe or a box {{ min_lat_deg, min_lon_deg, max_lat_deg, max_lon_deg }}");
        }

        node.OnlyKeys("min_lat_deg", "min_lon_deg", "max_lat_deg", "max_lon_deg");
        double minLat = node.Get("min_lat_deg").Number(-90, 90, "a latitude in degrees from −90 to 90");
        double minLon = node.Get("min_lon_deg").Number(-180, 180, "a longitude in degrees from −180 to 180");
        YamlNode maxLatNode = node.Get("max_lat_deg"), maxLonNode = node.Get("max_lon_deg");
        double maxLat = maxLatNode.Number(-90, 90, "a latitude in degrees from −90 to 90");
        double maxLon = maxLonNode.Number(-180, 180, "a longitude in degrees from −180 to 180");
        if (!(minLat < maxLat))
        {
            throw maxLatNode.Error("expected max_lat_deg greater than min_lat_deg");
        }

        if (!(minLon < maxLon))
        {
            throw maxLonNode.Error("expected max_lon_deg greater than min_lon_deg (a box may not cross the antimeridian)");
        }

        string regionName = string.Join(',', new[] { minLat, minLon, maxLat, maxLon }.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        return (new GeoBox(minLat, minLon, maxLat, maxLon), regionName);
    }

    private static int MembersYear(YamlNode node)
    {
        double year = node.Number();
        return year is 2010 or 2024 ? (int)year : throw node.Error($"{year.ToString(CultureInfo.InvariantCulture)} is not a year with a member list; expected 2010 or 2024");
    }

    /// <summary><c>deterrent: false</c>, or a mapping of the deterrent analysis's options (any left out keep their defaults).</summary>
    private static (bool Run, DeterrentOptions Options) Deterrent(YamlNode node, BulwarkCatalog catalog)
    {
        DeterrentOptions o = DeterrentOptions.Default;
        if (node.IsScalar)
        {
            return (Bool(node), o);
        }

        node.OnlyKeys("enabled", "threat_set", "delays_s", "thresholds", "min_speed_km_s", "max_speed_km_s", "speed_step_km_s", "coarse_step_km_s", "threshold_tables", "ideal_fire_control_s");
        bool run = node.TryGet("enabled") is not { } e || Bool(e);
        if (node.TryGet("threat_set") is { } set)
        {
            // The default set stays null in the options: the analysis reads the catalog's russia-to-us itself.
            ThreatSet threats = catalog.ThreatSet(set.String(), set);
            o = o with { Threats = threats.Id == DeterrentOptions.DefaultThreatSet ? null : threats.Threats };
        }

        if (node.TryGet("delays_s") is { } delays)
        {
            var list = delays.Items().Select(d => d.Number(0, 3600, "a launch delay of 0 to 3,600 s")).ToList();
            if (list.Count == 0)
            {
                throw delays.Error("expected at least one launch delay");
            }

            o = o with { DelaysS = list };
        }

        if (node.TryGet("thresholds") is { } t)
        {
            o = o with { Thresholds = Bool(t) };
        }

        if (node.TryGet("ideal_fire_control_s") is { } fc)
        {
            o = o with { IdealFireControlS = fc.Number(0, 3600, "a fire-control time of 0 to 3,600 s after the ICBM's launch") };
        }

        YamlNode? min = node.TryGet("min_speed_km_s"), max = node.TryGet("max_speed_km_s");
        if (min is not null)
        {
            o = o with { MinSpeedMPerS = min.Number(0.5, 15, "a burnout speed of 0.5 to 15 km/s") * 1000 };
        }

        if (max is not null)
        {
            o = o with { MaxSpeedMPerS = max.Number(0.5, 15, "a burnout speed of 0.5 to 15 km/s") * 1000 };
        }

        if (!(o.MinSpeedMPerS < o.MaxSpeedMPerS))
        {
            throw (max ?? min ?? node).Error("expected min_speed_km_s below max_speed_km_s");
        }

        YamlNode? step = node.TryGet("speed_step_km_s"), coarse = node.TryGet("coarse_step_km_s");
        if (step is not null)
        {
            o = o with { SpeedQuantumMPerS = step.Number(0.01, 1, "a speed step of 0.01 to 1 km/s") * 1000 };
        }

        if (coarse is not null)
        {
            o = o with { CoarseStepMPerS = coarse.Number(0.01, 5, "a coarse speed step of 0.01 to 5 km/s") * 1000 };
        }

        if (o.CoarseStepMPerS < o.SpeedQuantumMPerS)
        {
            throw (coarse ?? step ?? node).Error("expected coarse_step_km_s of at least speed_step_km_s");
        }

        if (node.TryGet("threshold_tables") is { } tables)
        {
            tables.OnlyKeys("azimuth_bins_count", "elevation_step_deg");
            var r = o.ThresholdTables;
            if (tables.TryGet("azimuth_bins_count") is { } bins)
            {
                double n = bins.Number(4, 360, "4 to 360 azimuth bins");
                r = n == Math.Floor(n) ? r with { AzimuthBins = (int)n } : throw bins.Error($"{n.ToString(CultureInfo.InvariantCulture)} is not a whole number of bins");
            }

            if (tables.TryGet("elevation_step_deg") is { } elevation)
            {
                r = r with { ElevationStepRad = Angle.DegToRad(elevation.Number(0.1, 10, "an elevation step of 0.1 to 10 degrees")) };
            }

            o = o with { ThresholdTables = r };
        }

        return (run, o);
    }

    private static bool Bool(YamlNode node) => node.ScalarText switch
    {
        "true" => true,
        "false" => false,
        _ => throw node.Error($"expected true or false, got '{node.ScalarText}'"),
    };

    private static IReadOnlyDictionary<string, string> LoadShipped()
    {
        Assembly assembly = typeof(StudyReader).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string n in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            texts[n[ResourcePrefix.Length..^".yaml".Length]] = reader.ReadToEnd();
        }

        return texts;
    }
}
