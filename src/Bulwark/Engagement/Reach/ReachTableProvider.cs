using Bulwark.Caching;
using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

/// <summary>
/// Reach tables built once per interceptor, site and options, and shared for the provider's lifetime (building one
/// flies a few thousand fly-outs; docs/reach-tables.md). The key is the interceptor record itself with the site and the
/// options: records compare by their numbers (the rocket's stages and drag tables included), so any change to any number
/// that shapes a table makes a new key, and no hand-kept fingerprint can miss one. Bounded: at most
/// <see cref="Capacity"/> tables are held, the least recently used going first, so a long-running server does not grow
/// without bound. With a <see cref="DiskStore"/>, every bin built is kept on disk and later processes read it back.
/// </summary>
public sealed class ReachTableProvider
{
    /// <summary>Tables held by default: the comparison of the Lisbon-2010 architectures needs about 15.</summary>
    public const int DefaultCapacity = 48;

    private readonly BoundedCache<(Interceptor Interceptor, Geodetic Site), ReachTable> _tables;

    /// <param name="options">how the tables are built (null: <see cref="ReachTableOptions.Default"/>)</param>
    /// <param name="capacity">the most tables held</param>
    /// <param name="store">where built bins are kept between processes (docs/cache.md; null: none)</param>
    public ReachTableProvider(ReachTableOptions? options = null, int capacity = DefaultCapacity, DiskStore? store = null)
    {
        Options = options ?? ReachTableOptions.Default;
        Store = store;
        _tables = new BoundedCache<(Interceptor, Geodetic), ReachTable>(capacity);
    }

    /// <summary>How this provider builds its tables (the world they are flown in included).</summary>
    public ReachTableOptions Options { get; }

    /// <summary>The persistent store the tables' bins are read from and written to (null: none).</summary>
    public DiskStore? Store { get; }

    /// <summary>The most tables held.</summary>
    public int Capacity => _tables.Capacity;

    /// <summary>Tables held now.</summary>
    public int Count => _tables.Count;

    /// <summary>Tables built by this provider so far.</summary>
    public long Built => _tables.Computed;

    /// <summary>The table of <paramref name="interceptor"/> at <paramref name="site"/>, built on first use.</summary>
    public ReachTable Table(Interceptor interceptor, Geodetic site)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        // Keyed by what shapes the fly-outs: the same table serves every reaction time and kill probability.
        return _tables.GetOrAdd((interceptor.FlyOutKey, site), k => ReachTable.OnDemand(k.Interceptor, k.Site, Options, Store));
    }

    /// <summary>The reach of <paramref name="interceptor"/> from <paramref name="site"/> (its table).</summary>
    public IInterceptorReach For(Interceptor interceptor, Geodetic site) => new TableReach(Table(interceptor, site));

    /// <summary>A reach table seen as an <see cref="IInterceptorReach"/>.</summary>
    public sealed class TableReach(ReachTable table) : IInterceptorReach
    {
        public ReachTable Table { get; } = table;

        public Arrival Earliest(Vec3 pointEcefM, double heightM)
        {
            ReachPoint r = Table.Earliest(pointEcefM);
            return r.IsReachable ? new Arrival(r.ArrivalS, r.SpeedMPerS, r.FlightPathAngleRad) : Arrival.Never;
        }
    }
}
