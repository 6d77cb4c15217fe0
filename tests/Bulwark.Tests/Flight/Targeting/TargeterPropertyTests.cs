using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Catalog;
using CsCheck;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Flight.Targeting;

/// <summary>
/// Targeting over rotating WGS-84 with J2 and the 1976 atmosphere, for the catalog's two-stage Sejjil-2 and three-stage Topol-M:
/// random launch points, azimuths and ranges. Aim points well inside the maximum range toward them are hit within 1 km
/// for every shape; aim points beyond it give the out-of-range error carrying that maximum.
/// </summary>
public class TargeterPropertyTests
{
    private static IGuidedMissile Missile(string id) => BulwarkCatalog.BuiltIn.Missile(id);

    /// <summary>A targeter, and the aim point at <paramref name="fraction"/> of the maximum range toward <paramref name="azimuth"/>.</summary>
    private static (Targeter Targeter, Geodetic Launch, Geodetic Aim, double MaxRangeM) Shot(IGuidedMissile missile, double lat, double lon, double azimuth, double fraction)
    {
        var env = FlightEnvironment.Default;
        var targeter = new Targeter(env);
        Geodetic launch = Geodetic.FromDegrees(lat, lon);
        double max = targeter.MaximumRangeM(missile, launch, azimuth);
        Geodetic aim = Geodesic.Direct(env.Planet.Shape, launch.LatitudeRad, launch.LongitudeRad, azimuth, fraction * max);
        return (targeter, launch, aim, max);
    }

    public static TheoryData<string, TrajectoryShape> MissilesAndShapes => new()
    {
        { "sejjil-2", TrajectoryShape.MinimumEnergy },
        { "sejjil-2", TrajectoryShape.Lofted },
        { "sejjil-2", TrajectoryShape.Depressed },
        { "topol-m", TrajectoryShape.MinimumEnergy },
        { "topol-m", TrajectoryShape.Lofted },
        { "topol-m", TrajectoryShape.Depressed },
    };

    [Theory]
    [MemberData(nameof(MissilesAndShapes))]
    [ValidationCase(ValidationArea.Targeting, "Random reachable aim points are hit, every shape",
        Source = "property: random launch points (±60°), azimuths and ranges 15–97% of the maximum, rotating WGS-84 with J2 and drag (CsCheck, fixed seed)",
        Tolerance = "miss under 1 km",
        Why = "the targeter's stopping criterion")]
    public void ReachableAimPointsAreHitWithinOneKilometre(string id, TrajectoryShape shape)
    {
        IGuidedMissile missile = Missile(id);
        double worst = 0;
        Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 2 * Math.PI], Gen.Double[0.15, 0.97])
            .Sample((lat, lon, azimuth, fraction) =>
            {
                var (targeter, launch, aim, _) = Shot(missile, lat, lon, azimuth, fraction);
                TargetingSolution s = targeter.Solve(missile, new TargetingRequest(launch, aim, shape));
                worst = Math.Max(worst, s.MissDistanceM);
                return s.MissDistanceM < 1000;
            }, iter: 4, threads: 1, seed: "0N0XIzNsQ0O2");
        ValidationLog.Measured(FormattableString.Invariant($"{id} {shape}: largest miss {worst:0} m"));
    }

    [Theory]
    [InlineData("sejjil-2")]
    [InlineData("topol-m")]
    public void AimPointsBeyondTheMaximumRangeAreOutOfRange(string id)
    {
        IGuidedMissile missile = Missile(id);
        Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 2 * Math.PI], Gen.Double[1.05, 1.5])
            .Sample((lat, lon, azimuth, fraction) =>
            {
                var (targeter, launch, aim, max) = Shot(missile, lat, lon, azimuth, fraction);
                var e = Assert.Throws<TargetingException>(() => targeter.Solve(missile, new TargetingRequest(launch, aim)));
                return e.Failure == TargetingFailure.OutOfRange && e.MaximumRangeM is { } m && Math.Abs(m / max - 1) < 0.01;
            }, iter: 3, threads: 1, seed: "0N0XIzNsQ0O2");
    }
}
