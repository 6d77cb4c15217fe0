using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Engagement.Reach;

/// <summary>
/// <see cref="FlyoutRunner"/> going on from a first stage flown once (<see cref="FlyoutRunner.RunPrefix"/>): the reach
/// tables' fans fly the shaped ascent's first stage once for every program that shares it, and must get the fly-outs
/// they got flying each whole, bit for bit.
/// </summary>
public class FlyoutRunnerTests
{
    private const double Deg = Math.PI / 180;

    private static readonly Geodetic Deveselu = BulwarkCatalog.BuiltIn.Place("deveselu").Position;

    private static FlyoutRunner Runner(double maxFlightTimeS = 1800) =>
        new(FlightEnvironment.Default, ReachTableOptions.Default.Integrator, 60_000, ReachTableOptions.Default.TimeStepS, maxFlightTimeS);

    [Theory]
    [InlineData("sm-3-iia", -30)]
    [InlineData("sm-3-iia", 5)]
    [InlineData("sm-3-iia", 69)]
    [InlineData("gbi-3-stage", 20)]
    [InlineData("russian-exo-notional", 45)]
    public void AFlyoutFromASharedFirstStageIsTheFlyoutFlownWhole(string interceptor, double elevationDeg)
    {
        StagedRocket rocket = BulwarkCatalog.BuiltIn.Interceptor(interceptor).Rocket;
        Assert.Equal(SteeringLaw.Shaped, rocket.Law);
        double azimuth = 37 * Deg, elevation = elevationDeg * Deg, other = rocket.ElevationRange.MinRad;
        Assert.Equal(rocket.PitchOverElevationRad(other), rocket.PitchOverElevationRad(elevation));

        // The prefix flown on another program's plan (the fan's lowest), then this program from it.
        FlightPlan first = rocket.Plan(FlightEnvironment.Default, Deveselu, 0, azimuth, new ShapeControls(1, other), out int phases);
        Assert.InRange(phases, 3, first.Phases.Count - 1);
        FlyoutPrefix prefix = Runner().RunPrefix(first, phases)!;
        Assert.NotNull(prefix);

        FlightPlan plan = rocket.Plan(FlightEnvironment.Default, Deveselu, 0, azimuth, new ShapeControls(1, elevation), out int own);
        Assert.Equal(phases, own);
        FlyoutRunner whole = Runner(), resumed = Runner();
        FlyoutEnd endWhole = whole.Run(plan);
        FlyoutEnd endResumed = resumed.Run(plan, prefix);

        Assert.Equal(endWhole, endResumed);
        Assert.Equal(whole.Final, resumed.Final);
        Assert.Equal(whole.SampleCount, resumed.SampleCount);
        Assert.True(whole.Samples.SequenceEqual(resumed.Samples), "the samples differ");
        Assert.True(prefix.SampleCount > 1 && prefix.SampleCount < whole.SampleCount);
    }

    [Fact]
    public void OnlyTheProgramsUpToTheClimbOutElevationShareTheFirstStage()
    {
        StagedRocket shaped = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia").Rocket;
        Assert.Equal(shaped.ClimbElevationRad, shaped.PitchOverElevationRad(-30 * Deg));
        Assert.Equal(shaped.ClimbElevationRad, shaped.PitchOverElevationRad(shaped.ClimbElevationRad));
        Assert.Equal(80 * Deg, shaped.PitchOverElevationRad(80 * Deg));

        // A missile's gravity turn pitches over toward its own command: no two programs share a first stage.
        var missile = (StagedRocket)BulwarkCatalog.BuiltIn.Missile("sejjil-2");
        Assert.Equal(30 * Deg, missile.PitchOverElevationRad(30 * Deg));
        Assert.NotEqual(missile.PitchOverElevationRad(30 * Deg), missile.PitchOverElevationRad(31 * Deg));
    }

    [Fact]
    public void APrefixThatAStopEndsIsNotKept()
    {
        // A fly-out limited to 3 s ends within its first stage (7 s of the SM-3 IIA's booster): nothing to go on from.
        StagedRocket rocket = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia").Rocket;
        FlightPlan plan = rocket.Plan(FlightEnvironment.Default, Deveselu, 0, 0, new ShapeControls(1, 0), out int phases);
        Assert.Null(Runner(maxFlightTimeS: 3).RunPrefix(plan, phases));
    }
}
