using System.Collections.Concurrent;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Numerics;

namespace Bulwark.Analysis;

/// <summary>
/// Reach tables built once per interceptor and site in a process and shared (building one flies a few thousand
/// fly-outs; docs/reach-tables.md).
/// </summary>
public static class ReachTables
{
    private static readonly ConcurrentDictionary<(Interceptor, Geodetic), Lazy<ReachTable>> Cache = new();

    /// <summary>The reach of <paramref name="interceptor"/> from <paramref name="site"/> (the table, built on first use).</summary>
    public static IInterceptorReach For(Interceptor interceptor, Geodetic site) =>
        new TableReach(Cache.GetOrAdd((interceptor, site), key => new Lazy<ReachTable>(() => ReachTable.Build(key.Item1, key.Item2))).Value);

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
