using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;

namespace Bulwark.Analysis;

/// <summary>How sensors are modelled in a study: the radar horizon's refraction.</summary>
/// <param name="RefractionK">the effective-Earth-radius factor of the line of sight (4/3 standard; 1 geometric)</param>
public sealed record SensorOptions(double RefractionK = RadarHorizon.StandardRefraction)
{
    /// <summary>4/3-Earth standard refraction.</summary>
    public static readonly SensorOptions Default = new();
}

/// <summary>
/// What every analysis runs in: the catalog (with a scenario's overrides and own entries), the world threats and
/// interceptors fly in, the reach-table provider (its tables shared for the context's lifetime) and the sensor options.
/// The chain flight → sensing → engagement is written here once; every verb, analysis and the server's scenes use it.
/// </summary>
public sealed class AnalysisContext
{
    /// <param name="catalog">the catalog records come from</param>
    /// <param name="environment">the world (null: rotating WGS-84 with J2 and the 1976 atmosphere)</param>
    /// <param name="reach">the reach tables (null: a new provider flying its fly-outs in <paramref name="environment"/>)</param>
    /// <param name="sensors">sensor options (null: <see cref="SensorOptions.Default"/>)</param>
    /// <param name="store">where a new provider keeps its tables, and threat grids their solutions, between processes (docs/cache.md; null: the
    /// store of <paramref name="reach"/> if given, else none)</param>
    public AnalysisContext(BulwarkCatalog catalog, FlightEnvironment? environment = null, ReachTableProvider? reach = null, SensorOptions? sensors = null,
        DiskStore? store = null)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Environment = environment ?? FlightEnvironment.Default;
        Reach = reach ?? new ReachTableProvider(ReachTableOptions.Default with { Environment = Environment }, store: store);
        Sensors = sensors ?? SensorOptions.Default;
        Store = store ?? Reach.Store;
    }

    /// <summary>The persistent store (docs/cache.md) where results are kept between processes: threat-grid solutions here, reach tables by <see cref="Reach"/>'s own; null: none.</summary>
    public DiskStore? Store { get; }

    public BulwarkCatalog Catalog { get; }

    public FlightEnvironment Environment { get; }

    public ReachTableProvider Reach { get; }

    public SensorOptions Sensors { get; }

    /// <summary>Radar timelines shared by the architectures evaluated in this context (each equal radar and track once).</summary>
    internal RadarTimelines RadarTimelines { get; } = new();

    /// <summary>The same context over another catalog (a scenario's), sharing the reach tables and options.</summary>
    public AnalysisContext With(BulwarkCatalog catalog) => new(catalog, Environment, Reach, Sensors, Store);

    /// <summary>
    /// Flies <paramref name="threats"/> (launched at t = 0), in parallel, in their order; a threat that cannot be flown
    /// is an <see cref="InputException"/> naming it (and <paramref name="file"/>, the scenario it came from, when given).
    /// </summary>
    public IReadOnlyList<FlownThreat> Fly(IReadOnlyList<Threat> threats, double stepS = ThreatFlights.DefaultStepS, string? file = null) =>
        ThreatFlights.Fly(this, threats, stepS, file);

    /// <summary>The architecture's sensors deployed once, as a function from a flown threat to its picture; thread-safe.</summary>
    public Func<FlownThreat, ThreatPicture> SensorsOf(Architecture architecture) => SensorPicture.Prepare(this, architecture);

    /// <summary>Every flown threat as the architecture's sensors and network see it.</summary>
    public IReadOnlyList<ThreatPicture> See(Architecture architecture, IReadOnlyList<FlownThreat> flown) =>
        [.. flown.Select(SensorsOf(architecture))];

    /// <summary>The architecture's batteries with their interceptors, sites and reaches, resolved once.</summary>
    public EngagementPicture.Engager EngagerOf(Architecture architecture) => EngagementPicture.Prepare(this, architecture);

    /// <summary>Every pictured threat engaged by the architecture's batteries.</summary>
    public IReadOnlyList<ThreatEngagement> Engage(Architecture architecture, IReadOnlyList<ThreatPicture> pictures) =>
        [.. pictures.Select(EngagerOf(architecture).Engage)];

    /// <summary>Flown threats seen by the architecture's sensors, then engaged by its batteries.</summary>
    public IReadOnlyList<ThreatEngagement> SeeAndEngage(Architecture architecture, IReadOnlyList<FlownThreat> flown) =>
        Engage(architecture, See(architecture, flown));

    /// <summary>The reach of the catalog interceptor <paramref name="interceptorId"/> from the place <paramref name="placeId"/>.</summary>
    public IInterceptorReach ReachOf(string interceptorId, string placeId) =>
        Reach.For(Catalog.Interceptor(interceptorId), Catalog.Place(placeId).Position);
}
