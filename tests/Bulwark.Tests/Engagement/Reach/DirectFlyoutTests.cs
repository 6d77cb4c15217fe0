using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Engagement.Reach;

/// <summary>
/// The reference itself: a point taken from a known fly-out's climb is found again, with that fly-out's time, azimuth
/// and elevation (on the direct sheet a point has one fly-out through it); out of the altitude band nothing is reachable.
/// </summary>
public class DirectFlyoutTests
{
    private static readonly Geodetic Deveselu = BulwarkCatalog.BuiltIn.Place("deveselu").Position;

    [Theory]
    [InlineData("sm-3-iia", 60, 30, 200)]
    [InlineData("sm-3-iia", 250, 45, 300)]
    [InlineData("gbi-2-stage-mda", 330, 35, 400)]
    public void FindsAKnownFlyoutAgain(string id, double azimuthDeg, double elevationDeg, double timeS)
    {
        Interceptor interceptor = BulwarkCatalog.BuiltIn.Interceptor(id);
        FlightEnvironment env = FlightEnvironment.Default;
        FlightPlan plan = interceptor.Rocket.Plan(env, Deveselu, 0, azimuthDeg * Math.PI / 180, new ShapeControls(1, elevationDeg * Math.PI / 180));
        Trajectory t = new Propagator(env, new PropagationOptions(timeS, null, 0, false, PropagationOptions.DefaultIntegrator)).Run(plan);
        Geodetic point = env.GeodeticPosition(t.Final);
        Assert.True(env.NedVelocity(t.Final).Z < 0, "the point is on the climb");

        DirectFlyoutSolution s = new DirectFlyout(interceptor, Deveselu).Solve(point);
        Assert.Equal(timeS, s.Reach.ArrivalS, 0.01);
        Assert.Equal(azimuthDeg, (s.AzimuthRad * 180 / Math.PI + 360) % 360, 0.001);
        Assert.Equal(elevationDeg, s.ElevationRad * 180 / Math.PI, 0.001);
        Assert.Equal(TrajectoryPoint.From(env, t.Final).SpeedMPerS, s.Reach.SpeedMPerS, 0.1);
    }

    [Fact]
    public void NothingOutsideTheAltitudeBandIsReachable()
    {
        Interceptor sm3 = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia");
        var direct = new DirectFlyout(sm3, Deveselu);
        Geodetic p = Geodesic.Direct(Ellipsoid.Wgs84, Deveselu.LatitudeRad, Deveselu.LongitudeRad, 1, 300_000);
        Assert.False(direct.Earliest(p with { HeightM = sm3.MinInterceptAltitudeM - 1 }).IsReachable);
        Assert.False(direct.Earliest(p with { HeightM = sm3.MaxInterceptAltitudeM + 1 }).IsReachable);
    }

    /// <summary>
    /// Item 2 of issue 14 (fly-outs drawn are the table's program): the table's program at a known fly-out's point, refined
    /// by <see cref="DirectFlyout.SolveNear"/>, is that fly-out again (elevation to 0.001°, time to 0.01 s), in far fewer
    /// fly-outs than the full search. The table knows the program to within its interpolation (a fraction of its 1° fan).
    /// </summary>
    [Theory]
    [InlineData("sm-3-iia", 120, 20, 250)]
    [InlineData("sm-3-ib", 100, 50, 150)]
    public void TheTablesProgramIsFlownExactlyThroughThePoint(string id, double azimuthDeg, double elevationDeg, double timeS)
    {
        Interceptor interceptor = BulwarkCatalog.BuiltIn.Interceptor(id);
        FlightEnvironment env = FlightEnvironment.Default;
        FlightPlan plan = interceptor.Rocket.Plan(env, Deveselu, 0, azimuthDeg * Math.PI / 180, new ShapeControls(1, elevationDeg * Math.PI / 180));
        Trajectory t = new Propagator(env, new PropagationOptions(timeS, null, 0, false, PropagationOptions.DefaultIntegrator)).Run(plan);
        Geodetic point = env.GeodeticPosition(t.Final);

        ReachTable table = ReachTable.OnDemand(interceptor, Deveselu);
        ReachPoint program = table.Earliest(point);
        Assert.True(program.IsReachable);
        Assert.Equal(elevationDeg, program.ElevationRad * 180 / Math.PI, 0.5);
        Assert.Equal(azimuthDeg, (program.LaunchAzimuthRad * 180 / Math.PI + 360) % 360, 0.5);

        var direct = new DirectFlyout(interceptor, Deveselu);
        DirectFlyoutSolution near = direct.SolveNear(point, program.ElevationRad, program.LaunchAzimuthRad, Math.PI / 90);
        DirectFlyoutSolution full = direct.Solve(point);
        Assert.Equal(timeS, near.Reach.ArrivalS, 0.01);
        Assert.Equal(elevationDeg, near.ElevationRad * 180 / Math.PI, 0.001);
        Assert.Equal(azimuthDeg, (near.AzimuthRad * 180 / Math.PI + 360) % 360, 0.001);
        Assert.True(near.Flights * 3 < full.Flights, $"{near.Flights} fly-outs near the program against {full.Flights} for the full search");
    }
}
