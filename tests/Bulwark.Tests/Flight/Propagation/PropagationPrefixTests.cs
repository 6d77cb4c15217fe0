using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Flight.Propagation;

/// <summary>
/// A flight going on from a vertical rise flown once (<see cref="Propagator.RunPrefix"/>, <see cref="SharedLaunch"/>): a
/// threat grid flies thousands of trajectories from each launch place, all with the same vertical rise, and must get the
/// trajectories it got flying each whole, bit for bit.
/// </summary>
public class PropagationPrefixTests
{
    private const double Deg = Math.PI / 180;

    private static readonly Geodetic Tabriz = BulwarkCatalog.BuiltIn.Place("tabriz").Position with { HeightM = 0 };

    private static StagedRocket Missile(string id) => (StagedRocket)BulwarkCatalog.BuiltIn.Missile(id);

    private static void AssertSame(Trajectory whole, Trajectory resumed)
    {
        Assert.Equal(whole.End, resumed.End);
        Assert.Equal(whole.Final, resumed.Final);
        Assert.Equal(whole.Events, resumed.Events);
        Assert.Equal(whole.Samples, resumed.Samples);
        Assert.Equal((whole.Evaluations, whole.Steps, whole.RejectedSteps), (resumed.Evaluations, resumed.Steps, resumed.RejectedSteps));
    }

    public static TheoryData<string, double, double, double, double> Flights => new()
    {
        // missile, azimuth (°), energy fraction, elevation (°), output step (s; 0: none)
        { "sejjil-2", 300, 0.9, 40, 0 },
        { "sejjil-2", 280, 0.6, 55, 1 },
        { "sejjil-3", 310, 1.0, 35, 1 },
        { "iran-icbm", 330, 0.95, 30, 0 },
    };

    [Theory]
    [MemberData(nameof(Flights))]
    public void AFlightFromASharedVerticalRiseIsTheFlightFlownWhole(string missileId, double azimuthDeg, double energy, double elevationDeg, double outputStepS)
    {
        StagedRocket missile = Missile(missileId);
        var controls = new ShapeControls(energy, elevationDeg * Deg);
        Assert.Equal(1, missile.AimIndependentPhases(controls));
        foreach (PropagationOptions options in new[] { PropagationOptions.ToImpact(outputStepS), MinimumEnergyRefinement.Options(outputStepS) })
        {
            // The prefix flown on another aim's plan (another azimuth, energy and elevation), then this flight from it.
            FlightPlan other = missile.Plan(FlightEnvironment.Default, Tabriz, 0, 10 * Deg, new ShapeControls(1, 70 * Deg));
            PropagationPrefix prefix = new Propagator(FlightEnvironment.Default, options).RunPrefix(other, 1)!;
            Assert.NotNull(prefix);
            Assert.Equal(missile.VerticalRiseS, prefix.State.TimeS, 9);

            FlightPlan plan = missile.Plan(FlightEnvironment.Default, Tabriz, 0, azimuthDeg * Deg, controls);
            Trajectory whole = new Propagator(FlightEnvironment.Default, options).Run(plan, Targeter.MaxFlightTimeS);
            Trajectory resumed = new Propagator(FlightEnvironment.Default, options).Run(plan, prefix, Targeter.MaxFlightTimeS);
            Assert.Equal(FlightEnd.Altitude, whole.End);
            AssertSame(whole, resumed);

            var shared = new SharedLaunch(FlightEnvironment.Default, missile, Tabriz, 0);
            AssertSame(whole, shared.Run(new Propagator(FlightEnvironment.Default, options), azimuthDeg * Deg, controls, Targeter.MaxFlightTimeS));
        }
    }

    [Fact]
    public void APrefixFlownWithOtherOptionsIsRefused()
    {
        StagedRocket missile = Missile("sejjil-2");
        FlightPlan plan = missile.Plan(FlightEnvironment.Default, Tabriz, 0, 0, new ShapeControls(1, 45 * Deg));
        PropagationPrefix prefix = new Propagator(FlightEnvironment.Default, PropagationOptions.ToImpact()).RunPrefix(plan, 1)!;
        var other = new Propagator(FlightEnvironment.Default, MinimumEnergyRefinement.Options());
        Assert.Throws<ArgumentException>(() => other.Run(plan, prefix, Targeter.MaxFlightTimeS));
    }

    [Fact]
    public void APrefixPastTheStopTimeIsNotKeptNorUsed()
    {
        StagedRocket missile = Missile("sejjil-2");
        FlightPlan plan = missile.Plan(FlightEnvironment.Default, Tabriz, 0, 0, new ShapeControls(1, 45 * Deg));
        var propagator = new Propagator(FlightEnvironment.Default, PropagationOptions.ToImpact(1));
        Assert.Null(propagator.RunPrefix(plan, 1, stopTimeS: missile.VerticalRiseS / 2));

        // A prefix that ends after a run's stop time: the run flies whole and stops where it would have.
        PropagationPrefix prefix = propagator.RunPrefix(plan, 1)!;
        Trajectory whole = propagator.Run(plan, missile.VerticalRiseS / 2);
        AssertSame(whole, propagator.Run(plan, prefix, missile.VerticalRiseS / 2));
        Assert.Equal(FlightEnd.Time, whole.End);
    }

    [Fact]
    public void OnlyAVerticalRiseFlownWholeIsShared()
    {
        StagedRocket missile = Missile("sejjil-2");
        Assert.Equal(1, missile.AimIndependentPhases(new ShapeControls(0.2, 30 * Deg)));

        // An energy cut within the rise shortens it: no longer the same phase.
        double withinRise = 0.5 * missile.VerticalRiseS / missile.TotalBurnTimeS;
        Assert.Equal(0, missile.AimIndependentPhases(new ShapeControls(withinRise, 30 * Deg)));
        Assert.Equal(0, (missile with { VerticalRiseS = 0 }).AimIndependentPhases(new ShapeControls(1, 30 * Deg)));
    }
}
