using System.Globalization;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Engagement;

/// <summary>
/// REFERENCES V8 (FTG-03a, 28 Sep 2007; MDAA, [SEC]): a target launched from Kodiak toward the south-east at T0 and a GBI
/// launched from Vandenberg at T0 + 16 min intercept 5–7 minutes after the GBI's launch (reported: 13:00, 13:16 and 13:22
/// PDT) at a closing speed of at least 4.5 km/s (reported: "in excess of 10,000 mph", 4.47 km/s).
/// <para>
/// The target's path is not in the open record beyond "south-east" and a broad ocean area. Notional geometry, chosen
/// so that the target flies south-east past the Californian coast offshore: a minimum-energy flight from Kodiak to the
/// point 6,000 km away at an initial azimuth of 125° (Kodiak to Vandenberg is 3,462 km at 123.0°, so the target passes
/// about 120 km off Vandenberg's great circle, over the sea), with a catalog ICBM as the target vehicle (the real one
/// was a test-range target; the Iranian ICBM and the Topol-M stand in for it). The GBI is the catalog's three-stage GBI,
/// the one deployed at Vandenberg. Its earliest launch is T0 + 960 s; the solver's first opportunity must launch then
/// (within the reported clock's half-minute) and intercept 300–420 s later, closing at ≥ 4.5 km/s. The explicit
/// <see cref="AimPointSensitivity"/> shows which aim points give that timeline (docs/validation.md).
/// </para>
/// </summary>
public class Ftg03aTests(ITestOutputHelper output)
{
    private const double Deg = Math.PI / 180;
    private const double GbiLaunchS = 16 * 60;

    private static readonly Geodetic Kodiak = BulwarkCatalog.BuiltIn.Place("kodiak").Position;
    private static readonly Geodetic Vandenberg = BulwarkCatalog.BuiltIn.Place("vandenberg").Position;
    private static readonly Interceptor Gbi = BulwarkCatalog.BuiltIn.Interceptor("gbi-3-stage");

    [Theory]
    [InlineData("iran-icbm")]
    [InlineData("topol-m")]
    [ValidationCase(ValidationArea.PublishedFindings, "FTG-03a: a GBI launched 16 minutes after a Kodiak target intercepts 5–7 minutes later (V8)",
        Source = "REFERENCES.md V8 (FTG-03a, 28 Sep 2007; reported): target from Kodiak toward the south-east, GBI from Vandenberg at T0 + 16 min, intercept at T0 + 22 min, closing > 4.47 km/s. Notional geometry: minimum-energy target (iran-icbm or topol-m standing in) to 6,000 km at 125° (14.19° N, 109.30° W); gbi-3-stage at Vandenberg",
        Tolerance = "first opportunity launched within 30 s of T0 + 960 s, intercept 300–420 s after that launch, closing speed ≥ 4.5 km/s",
        Why = "the reported times are to the minute; the closing speed is reported as a lower bound",
        Note = "the reported intercept altitude, \"120 km\" (an advocacy group's account, treat with caution), is not asserted: the model's first intercept is at 370–400 km; its last opportunity (launch 19–24 s after T0 + 960 s, about 7 minutes later) is at 119 km. The explicit AimPointSensitivity sweep shows the timeline holds for aim points 5,600–6,500 km out (docs/engagement.md)")]
    public void AGbiLaunchedSixteenMinutesAfterAKodiakTargetInterceptsItFiveToSevenMinutesLater(string targetId)
    {
        (TargetingSolution flight, BatteryEngagement e) = Engage(targetId, 125, 6000);
        Geodetic aim = flight.Request.Aim;
        output.WriteLine(Inv($"{targetId} from Kodiak to ({aim.LatitudeRad / Deg:F2}°, {aim.LongitudeRad / Deg:F2}°): flight {flight.FlightTimeS:F0} s, apogee {Apogee(flight) / 1000:F0} km"));
        Assert.NotNull(e.First);
        Shot first = e.First!;
        ValidationLog.Measured(Inv($"{targetId}: GBI launch T0+{first.LaunchS:F0} s, intercept T0+{first.InterceptS:F0} s ({first.InterceptS - first.LaunchS:F0} s after launch) at ({first.Point.LatitudeRad / Deg:F2}°, {first.Point.LongitudeRad / Deg:F2}°), {first.Point.HeightM / 1000:F0} km, closing {first.ClosingSpeedMPerS / 1000:F2} km/s, crossing {first.CrossingAngleRad / Deg:F0}°; last opportunity: launch T0+{e.Last!.LaunchS:F0}, intercept T0+{e.Last.InterceptS:F0} s at {e.Last.Point.HeightM / 1000:F0} km"));

        // The reported times are to the minute: the GBI's launch at T0 + 16 min is its earliest launch here, and the
        // first opportunity must use it (within half a minute), not a later launch.
        Assert.InRange(first.LaunchS, GbiLaunchS, GbiLaunchS + 30);
        Assert.InRange(first.InterceptS - first.LaunchS, 5 * 60, 7 * 60);
        Assert.True(first.ClosingSpeedMPerS >= 4500, Inv($"closing speed {first.ClosingSpeedMPerS:F0} m/s"));
    }

    /// <summary>The first opportunity for aim points around the chosen one (azimuth 120–130°, 5,000–7,000 km; printed).</summary>
    [Fact(Explicit = true)]
    public void AimPointSensitivity()
    {
        foreach (string id in new[] { "iran-icbm", "topol-m" })
        {
            foreach (double az in new[] { 120, 122.5, 125, 127.5, 130 })
            {
                foreach (double km in new[] { 5000, 5500, 6000, 6500, 7000 })
                {
                    (TargetingSolution flight, BatteryEngagement e) = Engage(id, az, km);
                    string first = e.First is { } f
                        ? Inv($"launch T0+{f.LaunchS:F0}, intercept +{f.InterceptS - f.LaunchS:F0} s at {f.Point.HeightM / 1000:F0} km, closing {f.ClosingSpeedMPerS / 1000:F2} km/s")
                        : "no intercept";
                    output.WriteLine(Inv($"{id} az {az}° {km} km: flight {flight.FlightTimeS:F0} s, apogee {Apogee(flight) / 1000:F0} km | {first}"));
                }
            }
        }
    }

    private static (TargetingSolution Flight, BatteryEngagement Engagement) Engage(string targetId, double azimuthDeg, double rangeKm)
    {
        var env = FlightEnvironment.Default;
        Geodetic launch = Kodiak with { HeightM = 0 };
        Geodetic aim = Geodesic.Direct(Ellipsoid.Wgs84, launch.LatitudeRad, launch.LongitudeRad, azimuthDeg * Deg, rangeKm * 1000);
        TargetingSolution flight = new Targeter(env).Solve(BulwarkCatalog.BuiltIn.Missile(targetId), new TargetingRequest(launch, aim), ThreatFlights.DefaultStepS);
        ThreatTrack track = ThreatFlights.TrackOf(targetId, flight, env, new ThreatSignature(1, 0.01));
        BatteryEngagement e = InterceptSolver.Solve("vandenberg", Gbi, Vandenberg, TestData.Reach.For(Gbi, Vandenberg), track, GbiLaunchS - Gbi.ReactionTimeS, Doctrine.Default);
        return (flight, e);
    }

    private static double Apogee(TargetingSolution flight) => flight.Apogee is { } a ? FlightEnvironment.Default.GeodeticPosition(a).HeightM : double.NaN;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
