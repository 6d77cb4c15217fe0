using System.Globalization;
using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;

namespace Bulwark.Tests.Engagement;

/// <summary>
/// Issue 14 item 5, as a property: a faster interceptor never reaches less, never arrives later and never gets fewer
/// shots against the same track. For each catalog interceptor, three speed-scaled copies (0.85×, 1×, 1.15× its catalog
/// burnout speed; <see cref="SpeedScaledInterceptor"/>: same vehicle, every stage's I_sp and burn time scaled) at
/// Redzikowo against random Iranian tracks (seeded: random missile, launch area and NATO capital, minimum energy).
/// Per track and speed pair: the latest launch from which the track can be intercepted (ideal sensors, the altitude band
/// of the catalog interceptor) does not fall, and the shots with ideal sensors (launch from t = 0, shoot-look-shoot) do
/// not drop. Tolerance on the latest launch: the two tables' error, 2 × max(1 s, 0.5% of the arrival) (docs/reach-tables.md),
/// because each copy is looked up in its own table.
/// </summary>
public class SpeedMonotonicityTests(ITestOutputHelper output)
{
    private static readonly string[] Missiles = ["shahab-3", "sejjil-2", "sejjil-3", "iran-icbm"];
    private static readonly string[] Launches = ["tabriz", "semnan", "qom", "shahrud"];
    private static readonly string[] Targets = ["ankara", "bucharest", "athens", "sofia", "budapest", "rome", "berlin", "warsaw", "prague", "paris", "london", "oslo", "copenhagen", "vilnius"];

    /// <summary>Twelve random trackable threats (seed 14), flown once and shared by every interceptor.</summary>
    private static readonly Lazy<IReadOnlyList<FlownThreat>> Tracks = new(() =>
    {
        var random = new Random(14);
        AnalysisContext context = TestData.Context();
        var flown = new List<FlownThreat>();
        while (flown.Count < 12)
        {
            string missile = Missiles[random.Next(Missiles.Length)], from = Launches[random.Next(Launches.Length)], to = Targets[random.Next(Targets.Length)];
            try
            {
                flown.Add(ThreatFlights.Fly(context, new Threat($"{missile}-{from}-{to}-{flown.Count}", missile, from, to, TrajectoryShape.MinimumEnergy)));
            }
            catch (InputException)
            {
                // Out of that missile's range: draw again.
            }
        }

        return flown;
    });

    /// <summary>Coarser than the default tables (12 azimuth bins, 2° programs) to keep the 24 tables to seconds.</summary>
    private static readonly ReachTableOptions Tables = ReachTableOptions.Default with { AzimuthBins = 12, ElevationStepRad = Angle.DegToRad(2) };

    public static TheoryData<string> Ids => ["sm-3-ia", "sm-3-ib", "sm-3-iia", "sm-3-iib", "gbi-2-stage-mda", "gbi-2-stage-postol", "gbi-3-stage", "russian-exo-notional"];

    [Theory]
    [MemberData(nameof(Ids))]
    public void AFasterInterceptorNeverReachesLessArrivesLaterOrGetsFewerShots(string id)
    {
        Interceptor catalog = BulwarkCatalog.BuiltIn.Interceptor(id);
        Geodetic site = BulwarkCatalog.BuiltIn.Place("redzikowo").Position;
        double[] factors = [0.85, 1.0, 1.15];
        Interceptor[] copies = [.. factors.Select(f => SpeedScaledInterceptor.For(catalog, f * catalog.BurnoutSpeedMPerS))];
        ReachTable[] tables = [.. copies.Select(c => ReachTable.Build(c, site, Tables))];
        IReadOnlyList<FlownThreat> tracks = Tracks.Value;
        var problems = new List<string>();
        int engaged = 0;
        foreach (FlownThreat t in tracks)
        {
            (double LaunchS, double ArrivalS)[] best = [.. tables.Select(table => ThresholdSearch.LatestLaunch(t.Track, table, catalog))];
            double[] latest = [.. best.Select(b => b.LaunchS)];
            int[] shots = [.. copies.Select((c, i) => InterceptSolver.Solve("redzikowo", c with
            {
                MinInterceptAltitudeM = catalog.MinInterceptAltitudeM,
                MaxInterceptAltitudeM = catalog.MaxInterceptAltitudeM,
            }, site, new ReachTableProvider.TableReach(tables[i]), t.Track, 0, Doctrine.Default).Shots.Count)];
            engaged += double.IsFinite(latest[0]) ? 1 : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Threat.Id}: latest launch {string.Join(" / ", latest.Select(l => double.IsFinite(l) ? l.ToString("F0", CultureInfo.InvariantCulture) : "—"))} s; ideal shots {string.Join(" / ", shots)}"));
            for (int i = 1; i < factors.Length; i++)
            {
                if (!double.IsFinite(latest[i - 1]))
                {
                    continue;
                }

                double tolerance = 2 * Math.Max(1, 0.005 * Math.Max(best[i - 1].ArrivalS, best[i].ArrivalS));
                if (!(latest[i] >= latest[i - 1] - tolerance))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{t.Threat.Id}: latest launch {latest[i - 1]:F1} s at {factors[i - 1]}×, {latest[i]:F1} s at {factors[i]}×"));
                }

                if (shots[i] < shots[i - 1])
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{t.Threat.Id}: {shots[i - 1]} shots at {factors[i - 1]}×, {shots[i]} at {factors[i]}×"));
                }
            }
        }

        output.WriteLine($"{id}: {engaged} of {tracks.Count} tracks engageable at 0.85×");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
