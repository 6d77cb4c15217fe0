using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Vehicles;

public class BurnoutStateMissileTests
{
    private const double Deg = Math.PI / 180;
    private static readonly FlightEnvironment Earth = FlightEnvironment.Default;
    private static readonly ReentryVehicle Rv = ReentryVehicle.FromBallisticCoefficient(700, 5000);
    private static readonly Geodetic Launch = Geodetic.FromDegrees(52, 21, 150);

    /// <summary>Speed, flight-path angle and heading of an Earth-relative NED velocity.</summary>
    private static (double Speed, double GammaRad, double HeadingRad) Polar(Vec3 ned) =>
        (ned.Norm, Math.Atan2(-ned.Z, Math.Sqrt(ned.X * ned.X + ned.Y * ned.Y)), Math.Atan2(ned.Y, ned.X));

    private static double Wrap(double a) => Math.IEEERemainder(a, 2 * Math.PI);

    [Theory]
    [InlineData(1.0, 40.0, 30.0)]
    [InlineData(0.6, 12.5, -135.0)]
    [InlineData(0.25, 75.0, 90.0)]
    public void WithNoDownrangeTheBurnoutIsOverTheLaunchPointWithTheRequestedVelocity(double energy, double gammaDeg, double azimuthDeg)
    {
        // Class summary: speed = energy fraction × burnout speed, flight-path angle = elevation, heading = azimuth, at the
        // burnout altitude above the launch point, burnout time after launch, with the RV's mass.
        var missile = new BurnoutStateMissile("m", 180_000, 4_000, 95, 0, Rv);
        FlightPlan plan = missile.Plan(Earth, Launch, 500, azimuthDeg * Deg, new ShapeControls(energy, gammaDeg * Deg));
        FlightState s = plan.Initial;
        Assert.Equal(595, s.TimeS);
        Assert.Equal(700, s.MassKg);
        Geodetic g = Earth.GeodeticPosition(s);
        Assert.Equal(Launch.LatitudeRad, g.LatitudeRad, 1e-13);
        Assert.Equal(Launch.LongitudeRad, g.LongitudeRad, 1e-13);
        Assert.Equal(180_000, g.HeightM, 1e-6);
        var (speed, gamma, heading) = Polar(Earth.NedVelocity(s));
        Assert.Equal(energy * 4_000, speed, 1e-8);
        Assert.Equal(gammaDeg * Deg, gamma, 1e-12);
        Assert.Equal(0, Wrap(heading - azimuthDeg * Deg), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(70.0)]
    [InlineData(-100.0)]
    public void WithDownrangeTheBurnoutPointIsAlongTheGeodesicAndHeadsAlongIt(double azimuthDeg)
    {
        // The burnout point lies the downrange distance along the geodesic from the launch point at the azimuth, and the
        // velocity heads along that geodesic there (its forward azimuth at the far end, which differs from the launch
        // azimuth on a curved Earth: ≈ 3° here).
        var missile = new BurnoutStateMissile("m", 250_000, 5_000, 120, 300_000, Rv);
        double az = azimuthDeg * Deg;
        FlightState s = missile.Plan(Earth, Launch, 0, az, new ShapeControls(0.8, 25 * Deg)).Initial;
        Geodetic g = Earth.GeodeticPosition(s);
        Assert.Equal(250_000, g.HeightM, 1e-6);
        GeodesicLine line = Geodesic.Inverse(Earth.Planet.Shape, Launch.LatitudeRad, Launch.LongitudeRad, g.LatitudeRad, g.LongitudeRad);
        Assert.Equal(300_000, line.DistanceM, 1e-4);
        Assert.Equal(0, Wrap(line.InitialAzimuthRad - az), 1e-10);
        var (speed, gamma, heading) = Polar(Earth.NedVelocity(s));
        Assert.Equal(4_000, speed, 1e-8);
        Assert.Equal(25 * Deg, gamma, 1e-12);
        Assert.Equal(0, Wrap(heading - line.FinalAzimuthRad), 1e-9);
        if (azimuthDeg != 0)
        {
            Assert.True(Math.Abs(Wrap(heading - az)) > 1 * Deg, "at 52° N the heading must turn along a 300 km geodesic");
        }
    }

    [Fact]
    public void EnergyFractionIsClampedToTheBurnoutSpeed()
    {
        var missile = new BurnoutStateMissile("m", 100_000, 3_000, 60, 0, Rv);
        FlightState s = missile.Plan(Earth, Launch, 0, 0, new ShapeControls(1.5, 30 * Deg)).Initial;
        Assert.Equal(3_000, Earth.NedVelocity(s).Norm, 1e-8);
    }

    [Fact]
    public void PlanIsAZeroLengthBoostEndingInBurnoutThenTheRvBallistic()
    {
        var missile = new BurnoutStateMissile("m", 100_000, 3_000, 60, 0, Rv);
        FlightPlan plan = missile.Plan(Earth, Launch, 0, 0, new ShapeControls(1, 30 * Deg));
        Assert.Equal(2, plan.Phases.Count);
        Assert.Equal((0.0, "burnout"), (plan.Phases[0].DurationS, plan.Phases[0].EndEvent));
        Assert.Empty(plan.Phases[0].Forces);
        Assert.Equal(double.PositiveInfinity, plan.Phases[1].DurationS);
        // β = m/(C_D·S) = 5000 kg/m² with S = 1 m² → C_D = 700/5000 = 0.14.
        DragForce drag = Assert.Single(plan.Phases[1].Forces.OfType<DragForce>());
        Assert.Equal(1, drag.ReferenceAreaM2);
        Assert.Equal(0.14, drag.Cd.At(3), 1e-15);
    }
}
