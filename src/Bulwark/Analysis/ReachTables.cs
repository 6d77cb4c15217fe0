using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight.Forces;
using Bulwark.Numerics;

namespace Bulwark.Analysis;

/// <summary>
/// Reach tables built once per interceptor and site in a process and shared (building one flies a few thousand
/// fly-outs; docs/reach-tables.md). The cache is keyed by the interceptor's numbers (<see cref="Fingerprint"/>) and the
/// site, not by the record: every catalog read makes a new <see cref="Interceptor"/> whose stage list compares by
/// reference, so a record key missed the cache on every call and rebuilt the table.
/// </summary>
public static class ReachTables
{
    private static readonly ConcurrentDictionary<(string Interceptor, Geodetic Site), Lazy<ReachTable>> Cache = new();

    /// <summary>The reach of <paramref name="interceptor"/> from <paramref name="site"/> (the table, built on first use).</summary>
    public static IInterceptorReach For(Interceptor interceptor, Geodetic site) =>
        new TableReach(Cache.GetOrAdd((Fingerprint(interceptor), site), _ => new Lazy<ReachTable>(() => ReachTable.Build(interceptor, site))).Value);

    /// <summary>Every number that defines the interceptor, as text (round-trip formatting): equal texts, equal interceptors.</summary>
    public static string Fingerprint(Interceptor i)
    {
        var b = new StringBuilder();
        void N(double x) => b.Append(x.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        void Drag(DragCoefficient cd)
        {
            switch (cd)
            {
                case MachTableDragCoefficient t:
                    b.Append("mach:");
                    foreach (double x in t.Mach) N(x);
                    b.Append("cd:");
                    foreach (double x in t.Cd) N(x);
                    break;
                default:
                    b.Append(cd.ToString()).Append(';');
                    break;
            }
        }

        var r = i.Rocket;
        b.Append(i.Id).Append('|').Append(r.Name).Append('|').Append(r.Law).Append('|');
        foreach (double x in new[] { i.BurnoutSpeedMPerS, i.MinInterceptAltitudeM, i.MaxInterceptAltitudeM, i.ReactionTimeS, i.SingleShotPk,
            r.PayloadMassKg, r.BodyReferenceAreaM2, r.VerticalRiseS, r.PitchOverS, r.MinElevationRad, r.MaxElevationRad, r.Rv.MassKg, r.Rv.ReferenceAreaM2 })
        {
            N(x);
        }

        Drag(r.BodyCd);
        Drag(r.Rv.Cd);
        foreach (var s in r.Stages)
        {
            foreach (double x in new[] { s.GrossMassKg, s.PropellantMassKg, s.VacuumIspS, s.BurnTimeS, s.NozzleExitAreaM2, s.CoastAfterS })
            {
                N(x);
            }

            b.Append('/');
        }

        return b.ToString();
    }

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
