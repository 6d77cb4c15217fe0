using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Flight.Vehicles;

/// <summary>
/// The fixed-attitude steering law holds the pitch-over's elevation after it, where the gravity turn lets the thrust
/// follow the velocity: asked for a low elevation, a held attitude burns out much flatter.
/// </summary>
public class SteeringLawTests
{
    [Fact]
    public void AHeldAttitudeBurnsOutFlatterThanAGravityTurn()
    {
        StagedRocket sm3 = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia").Rocket;
        var env = FlightEnvironment.Default;
        var launch = Geodetic.FromDegrees(45, 0);
        var controls = new ShapeControls(1, 20 * Math.PI / 180);
        double Burnout(StagedRocket r)
        {
            FlightPlan plan = r.Plan(env, launch, 0, Math.PI / 2, controls);
            Trajectory t = new Propagator(env, PropagationOptions.ToImpact()).Run(plan);
            return TrajectoryPoint.From(env, t.Find("burnout")!.Value.State).FlightPathAngleRad * 180 / Math.PI;
        }

        double turn = Burnout(sm3 with { Law = SteeringLaw.GravityTurn });
        double held = Burnout(sm3 with { Law = SteeringLaw.FixedAttitude });
        Assert.True(held < turn - 20, $"burnout flight-path angle: held {held:F1}°, gravity turn {turn:F1}°");
        Assert.Contains((sm3 with { Law = SteeringLaw.FixedAttitude }).Plan(env, launch, 0, 0, controls).Phases, p => p.Name.EndsWith("held attitude", StringComparison.Ordinal));
    }
}
