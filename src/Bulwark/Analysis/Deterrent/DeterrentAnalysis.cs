using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;
using Bulwark.Analysis;
using Bulwark.Catalog.Studies;

namespace Bulwark.Analysis.Deterrent;

/// <summary>
/// The deterrent question (DESIGN §5, docs/deterrent.md): for Russian ICBM tracks toward US targets, what the
/// architecture's sensors see, whether each battery can intercept with its real sensors and with ideal ones, its earliest
/// intercept, and the threshold burnout speed an interceptor at its site would need, against the launch delay.
/// </summary>
public static class DeterrentAnalysis
{
    /// <summary>Runs the analysis for <paramref name="architecture"/> over the tracks of <paramref name="options"/>.</summary>
    /// <param name="context">the catalog the architecture's entries and the tracks' places and missiles come from, the world, the reach tables</param>
    /// <param name="architecture">the architecture</param>
    /// <param name="options">tracks, delays, search (null: <see cref="DeterrentOptions.Default"/>)</param>
    /// <param name="progress">receives a line per stage (may be null)</param>
    /// <param name="cache">shared by runs over the same tracks (the comparison's seven architectures); null: none</param>
    public static DeterrentResult Run(AnalysisContext context, Architecture architecture, DeterrentOptions? options = null, IProgress<string>? progress = null,
        DeterrentCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        BulwarkCatalog catalog = context.Catalog;
        options ??= DeterrentOptions.Default;
        options = options with { ThresholdTables = options.ThresholdTables with { Environment = context.Environment } };
        var threats = ValueList<Threat>.From(options.Threats ?? Tracks(catalog));

        progress?.Report($"flying {threats.Count} ICBM tracks");
        var flown = cache is null ? context.Fly(threats) : cache.Flights.GetOrAdd(threats, _ => new Lazy<IReadOnlyList<FlownThreat>>(() => context.Fly(threats))).Value;
        var pictures = context.See(architecture, flown);

        progress?.Report($"building the reach tables of {architecture.Batteries.Count} batteries");
        var batteries = architecture.Batteries.Select(b => (Battery: b, Interceptor: catalog.Interceptor(b.InterceptorId), Site: catalog.Place(b.PlaceId).Position)).ToList();
        var reaches = batteries.Select(b => context.Reach.For(b.Interceptor, b.Site)).ToList();
        var real = context.Engage(architecture, pictures);

        // Each battery's threshold search is a sequence of reach tables (a binary search on the speed), each table's
        // fly-outs flown on every core as its bins are needed and its lookups along the tracks on one: the batteries'
        // searches run side by side so that those lookups and the bins' tails overlap. Each search is the battery's
        // own, so the thresholds do not depend on the order or the thread count.
        var thresholds = new (ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[batteries.Count, flown.Count];
        if (options.Thresholds)
        {
            progress?.Report($"threshold speeds of {batteries.Count} batteries");
        }

        Parallel.For(0, batteries.Count, i =>
        {
            var (_, interceptor, site) = batteries[i];
            var perTrack = !options.Thresholds ? [.. flown.Select(_ => ((ThresholdSpeed?)null, (IReadOnlyList<ThresholdSpeed>)[]))]
                : cache is null ? Thresholds(interceptor, site, flown, options, context.Reach.Store)
                : Cached(cache, interceptor, site, threats, flown, options, context.Reach.Store);
            for (int k = 0; k < flown.Count; k++)
            {
                thresholds[i, k] = perTrack[k];
            }
        });

        var tracks = flown.Select((f, k) => new DeterrentTrack(f, pictures[k], [.. batteries.Select((b, i) =>
        {
            // Ideal sensors: a fire-control track at the ICBM's launch (or the options' delay after it) and guidance wherever the interceptor can fly.
            BatteryEngagement ideal = InterceptSolver.Solve(b.Battery.Id, b.Interceptor, b.Site, reaches[i], f.Track, f.Track.LaunchTimeS + options.IdealFireControlS, architecture.Doctrine);
            return new DeterrentBattery(b.Battery.Id, b.Interceptor.Id, b.Battery.PlaceId, b.Interceptor.BurnoutSpeedMPerS, real[k].Batteries[i], ideal,
                thresholds[i, k].AtReaction, thresholds[i, k].Curve);
        })])).ToList();
        return new DeterrentResult(architecture, tracks, options);
    }

    /// <summary>
    /// Computes into <paramref name="cache"/> the threshold speeds of every battery of <paramref name="architectures"/>
    /// (each interceptor and site once), side by side, so that the architectures' runs after it find them there: each
    /// search is a chain of reach tables, one after the other, and an architecture's one or two batteries searched alone
    /// left a core idle between the tables' parallel fly-outs (the cold 0.5° comparison's deterrent ran on 1.4–1.5
    /// cores of 2 for its first three architectures, docs/performance.md). The thresholds are those each run would find.
    /// </summary>
    /// <param name="context">as for <see cref="Run"/></param>
    /// <param name="architectures">the architectures the runs will be over</param>
    /// <param name="options">the runs' options (null: <see cref="DeterrentOptions.Default"/>)</param>
    /// <param name="cache">the cache the runs will share</param>
    /// <param name="afterEach">called after each search (the comparison collects garbage there: each search drops its tables)</param>
    public static void PrepareThresholds(AnalysisContext context, IReadOnlyList<Architecture> architectures, DeterrentOptions? options, DeterrentCache cache,
        Action? afterEach = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architectures);
        ArgumentNullException.ThrowIfNull(cache);
        BulwarkCatalog catalog = context.Catalog;
        options ??= DeterrentOptions.Default;
        if (!options.Thresholds)
        {
            return;
        }

        options = options with { ThresholdTables = options.ThresholdTables with { Environment = context.Environment } };
        var threats = ValueList<Threat>.From(options.Threats ?? Tracks(catalog));
        var flown = cache.Flights.GetOrAdd(threats, _ => new Lazy<IReadOnlyList<FlownThreat>>(() => context.Fly(threats))).Value;
        var batteries = architectures.SelectMany(a => a.Batteries)
            .Select(b => (Interceptor: catalog.Interceptor(b.InterceptorId), Site: catalog.Place(b.PlaceId).Position))
            .Distinct().ToList();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(batteries, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), b =>
        {
            Cached(cache, b.Interceptor, b.Site, threats, flown, options, context.Reach.Store);
            afterEach?.Invoke();
        });
    }

    /// <summary>The thresholds of an interceptor at a site from <paramref name="cache"/>, computed there once.</summary>
    private static (ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[] Cached(DeterrentCache cache, Interceptor interceptor, Geodetic site,
        ValueList<Threat> threats, IReadOnlyList<FlownThreat> flown, DeterrentOptions options, DiskStore? store) =>
        cache.Thresholds.GetOrAdd((interceptor, site, threats),
            _ => new Lazy<(ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[]>(() => Thresholds(interceptor, site, flown, options, store))).Value;

    /// <summary>The threshold speed of an interceptor at a site against each track: at its reaction time and at every delay.</summary>
    private static (ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[] Thresholds(Interceptor interceptor, Geodetic site,
        IReadOnlyList<FlownThreat> flown, DeterrentOptions options, DiskStore? store)
    {
        var search = new ThresholdSearch(interceptor, site, [.. flown.Select(f => f.Track)], options, store);
        return [.. flown.Select((f, k) => ((ThresholdSpeed?)search.Threshold(k, f.Track.LaunchTimeS + interceptor.ReactionTimeS),
            (IReadOnlyList<ThresholdSpeed>)[.. options.DelaysS.Select(d => search.Threshold(k, f.Track.LaunchTimeS + d))]))];
    }

    /// <summary>The default tracks: the catalog's <c>russia-to-us</c> threat set.</summary>
    public static IReadOnlyList<Threat> Tracks(BulwarkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.ThreatSet(DeterrentOptions.DefaultThreatSet).Threats;
    }

    /// <summary>
    /// Every base × every target, minimum-energy, each base flying the missile the <c>russia-to-us</c> set flies from it
    /// (Topol-M for a base the set does not name). Null bases or targets: the set's own.
    /// </summary>
    public static IReadOnlyList<Threat> Tracks(BulwarkCatalog catalog, IReadOnlyList<string>? bases, IReadOnlyList<string>? targets)
    {
        IReadOnlyList<Threat> set = Tracks(catalog);
        if (bases is null && targets is null)
        {
            return set;
        }

        var baseIds = bases ?? [.. set.Select(t => t.FromId).Distinct()];
        var targetIds = targets ?? [.. set.Select(t => t.ToId).Distinct()];
        foreach (string id in baseIds.Concat(targetIds))
        {
            catalog.Get("places", id);
        }

        return [.. baseIds.SelectMany(b => targetIds.Select(t =>
        {
            string missile = set.FirstOrDefault(x => x.FromId == b)?.MissileId ?? "topol-m";
            return new Threat($"{missile}-{b}-{t}", missile, b, t, TrajectoryShape.MinimumEnergy);
        }))];
    }
}
