using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Flight;

/// <summary>
/// REFERENCES.md V1 and V2: vacuum flight over a non-rotating sphere (μ = 398,600.4418 km³/s², R = 6,371 km) against the
/// minimum-energy closed form and the §2.1 table.
/// </summary>
public class ClosedFormBallisticsTests
{
    private static readonly FlightEnvironment Vacuum = new(
        Planet.Sphere(MinimumEnergyClosedForm.RadiusM, MinimumEnergyClosedForm.MuM3PerS2, 0), NoAtmosphere.Instance);

    private static readonly ReentryVehicle NoDragRv = new(500, 0, DragCoefficient.Constant(0));

    /// <summary>REFERENCES.md §2.1 table: ground range (km), burnout speed (km/s, 5 significant figures), time of flight (min, 0.01).</summary>
    public static TheoryData<double, double, double> Table => new()
    {
        { 1000, 3.0161, 7.91 },
        { 2000, 4.1129, 11.70 },
        { 3000, 4.8650, 14.92 },
        { 5000, 5.8834, 20.61 },
        { 8000, 6.8046, 27.99 },
        { 10000, 7.1981, 32.18 },
        { 12000, 7.4796, 35.72 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void ClosedFormReproducesTheTable(double rangeKm, double speedKmS, double tofMin)
    {
        var (v, _, tof) = MinimumEnergyClosedForm.For(rangeKm * 1000);
        Assert.Equal(speedKmS, v / 1000, 0.00006); // the table prints 4 decimals
        Assert.Equal(tofMin, tof / 60, 0.0051);    // and 2 decimals of a minute
    }

    /// <summary>V2: a free flight launched at the minimum-energy speed and angle lands within 0.01% of the range.</summary>
    [Theory]
    [MemberData(nameof(Table))]
    public void FreeFlightAtMinimumEnergyLandsOnTheRange(double rangeKm, double speedKmS, double tofMin)
    {
        _ = (speedKmS, tofMin);
        var (v, gamma, tof) = MinimumEnergyClosedForm.For(rangeKm * 1000);
        var missile = new BurnoutStateMissile("closed form", 0, v, 0, 0, NoDragRv);
        Geodetic launch = Geodetic.FromDegrees(10, 20);
        double azimuth = 0.7;
        Trajectory t = new Propagator(Vacuum, PropagationOptions.ToImpact()).Run(missile.Plan(Vacuum, launch, 0, azimuth, new ShapeControls(1, gamma)));
        Geodetic impact = Vacuum.GeodeticPosition(t.Final);
        double range = Geodesic.Inverse(Vacuum.Planet.Shape, launch.LatitudeRad, launch.LongitudeRad, impact.LatitudeRad, impact.LongitudeRad).DistanceM;
        Assert.InRange(range / (rangeKm * 1000), 1 - 1e-4, 1 + 1e-4);
        Assert.Equal(tof, t.Final.TimeS, 0.05);
    }

    /// <summary>V1: minimum-energy targeting recovers the tabulated speed within 0.1% and the time of flight within 0.5 s.</summary>
    [Theory]
    [MemberData(nameof(Table))]
    public void MinimumEnergyTargetingRecoversSpeedAndTimeOfFlight(double rangeKm, double speedKmS, double tofMin)
    {
        _ = tofMin;
        var (_, _, tof) = MinimumEnergyClosedForm.For(rangeKm * 1000);
        var missile = new BurnoutStateMissile("ideal", 0, 8000, 0, 0, NoDragRv);
        Geodetic launch = Geodetic.FromDegrees(35, 50);
        Geodetic aim = Geodesic.Direct(Vacuum.Planet.Shape, launch.LatitudeRad, launch.LongitudeRad, -0.6, rangeKm * 1000);
        TargetingSolution s = new Targeter(Vacuum).Solve(missile, new TargetingRequest(launch, aim));
        double speed = s.Controls.EnergyFraction * missile.BurnoutSpeedMPerS;
        Assert.InRange(speed / (speedKmS * 1000), 1 - 1e-3, 1 + 1e-3);
        Assert.Equal(tof, s.FlightTimeS, 0.5);
        Assert.True(s.MissDistanceM < 1000, $"miss {s.MissDistanceM} m");
    }
}
