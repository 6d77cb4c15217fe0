using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Scenarios;
using CsCheck;

namespace Bulwark.Tests.Flight.Targeting;

/// <summary>
/// Targeting over rotating WGS-84 with J2 and the 1976 atmosphere, for the example two-stage MRBM and three-stage ICBM:
/// random launch points, azimuths and ranges. Aim points well inside the maximum range toward them are hit within 1 km
/// for every shape; aim points beyond it give the out-of-range error carrying that maximum.
/// </summary>
public class TargeterPropertyTests
{
    private static IGuidedMissile Missile(string file) =>
        MissileFile.Parse(file, TestData.Read("examples", "missiles", file));

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
        { "two-stage-mrbm-notional.yaml", TrajectoryShape.MinimumEnergy },
        { "two-stage-mrbm-notional.yaml", TrajectoryShape.Lofted },
        { "two-stage-mrbm-notional.yaml", TrajectoryShape.Depressed },
        { "three-stage-icbm-notional.yaml", TrajectoryShape.MinimumEnergy },
        { "three-stage-icbm-notional.yaml", TrajectoryShape.Lofted },
        { "three-stage-icbm-notional.yaml", TrajectoryShape.Depressed },
    };

    [Theory]
    [MemberData(nameof(MissilesAndShapes))]
    public void ReachableAimPointsAreHitWithinOneKilometre(string file, TrajectoryShape shape)
    {
        IGuidedMissile missile = Missile(file);
        Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 2 * Math.PI], Gen.Double[0.15, 0.97])
            .Sample((lat, lon, azimuth, fraction) =>
            {
                var (targeter, launch, aim, _) = Shot(missile, lat, lon, azimuth, fraction);
                TargetingSolution s = targeter.Solve(missile, new TargetingRequest(launch, aim, shape));
                return s.MissDistanceM < 1000;
            }, iter: 4, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("two-stage-mrbm-notional.yaml")]
    [InlineData("three-stage-icbm-notional.yaml")]
    public void AimPointsBeyondTheMaximumRangeAreOutOfRange(string file)
    {
        IGuidedMissile missile = Missile(file);
        Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 2 * Math.PI], Gen.Double[1.05, 1.5])
            .Sample((lat, lon, azimuth, fraction) =>
            {
                var (targeter, launch, aim, max) = Shot(missile, lat, lon, azimuth, fraction);
                var e = Assert.Throws<TargetingException>(() => targeter.Solve(missile, new TargetingRequest(launch, aim)));
                return e.Failure == TargetingFailure.OutOfRange && e.MaximumRangeM is { } m && Math.Abs(m / max - 1) < 0.01;
            }, iter: 3, threads: 1, seed: "0N0XIzNsQ0O2");
    }
}
