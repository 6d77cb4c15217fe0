using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Tests.Validation;

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
    [ValidationCase(ValidationArea.ClosedForm, "Minimum-energy burnout speed and time of flight against the table",
        Source = "REFERENCES.md §2.1 (Bate, Mueller & White 1971 closed form; μ = 398,600.4418 km³/s², R = 6,371 km), 1,000–12,000 km",
        Tolerance = "6e-5 km/s in speed, 0.0051 min in time of flight",
        Why = "the table prints 4 decimals of km/s and 2 decimals of a minute")]
    public void ClosedFormReproducesTheTable(double rangeKm, double speedKmS, double tofMin)
    {
        var (v, _, tof) = MinimumEnergyClosedForm.For(rangeKm * 1000);
        Assert.Equal(speedKmS, v / 1000, 0.00006); // the table prints 4 decimals
        Assert.Equal(tofMin, tof / 60, 0.0051);    // and 2 decimals of a minute
        ValidationLog.Measured(FormattableString.Invariant($"{rangeKm:0} km: {v / 1000:0.00000} km/s, {tof / 60:0.000} min"));
    }

    /// <summary>V2: a free flight launched at the minimum-energy speed and angle lands within 0.01% of the range.</summary>
    [Theory]
    [MemberData(nameof(Table))]
    [ValidationCase(ValidationArea.ClosedForm, "A free flight at the minimum-energy state lands on the range (V2)",
        Source = "REFERENCES.md V2 and the §2.1 closed form; vacuum, non-rotating sphere",
        Tolerance = "0.01% in range, 0.05 s in time of flight",
        Why = "the integrator's default tolerance (rtol 1e-10) is far tighter; the margin covers impact-event location only")]
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
        ValidationLog.Measured(FormattableString.Invariant($"{rangeKm:0} km: range error {(range / (rangeKm * 1000) - 1) * 100:0.0e0}%, time {t.Final.TimeS - tof:+0.000;-0.000;0.000} s"));
    }

    /// <summary>V1: minimum-energy targeting recovers the tabulated speed within 0.1% and the time of flight within 0.5 s.</summary>
    [Theory]
    [MemberData(nameof(Table))]
    [ValidationCase(ValidationArea.ClosedForm, "Minimum-energy targeting recovers the closed-form speed and time of flight (V1)",
        Source = "REFERENCES.md V1 and the §2.1 table",
        Tolerance = "0.1% in speed, 0.5 s in time of flight, miss under 1 km",
        Why = "the targeter stops at a 1 km miss, which moves speed and time by less than these")]
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
        ValidationLog.Measured(FormattableString.Invariant($"{rangeKm:0} km: speed {(speed / (speedKmS * 1000) - 1) * 100:+0.000;-0.000;0.000}%, time {s.FlightTimeS - tof:+0.00;-0.00;0.00} s"));
    }
}
