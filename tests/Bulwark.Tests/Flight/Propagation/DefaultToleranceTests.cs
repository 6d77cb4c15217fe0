using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Integration;using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Flight.Propagation;

/// <summary>
/// The claim on <see cref="PropagationOptions.DefaultIntegrator"/>: sub-metre over an ICBM flight. The solved Topol-M
/// flight from Kozelsk to Washington (7,890 km, 28 min, drag, J2, rotation, three stagings) is flown again at a
/// tolerance 1,000 times tighter; the two impact points must agree within 1 m.
/// </summary>
public class DefaultToleranceTests
{
    [Fact]
    [ValidationCase(ValidationArea.ClosedForm, "The default integrator tolerance is sub-metre over an ICBM flight",
        Source = "the same flight at a tolerance 1,000 times tighter (rtol 1e-13, atol 1e-9): the Topol-M from Kozelsk to Washington, 7,890 km, drag, J2, rotation, three stagings",
        Tolerance = "impact points within 1 m",
        Why = "the claim made for PropagationOptions.DefaultIntegrator; a metre is far below every figure the analyses report")]
    public void DefaultToleranceIsSubMetreOverAnIcbmFlight()
    {
        var env = FlightEnvironment.Default;
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        var missile = catalog.Missile("topol-m");
        TargetingSolution s = new Targeter(env).Solve(missile, new TargetingRequest(catalog.Place("kozelsk").Position, catalog.Place("washington").Position));
        FlightPlan plan = missile.Plan(env, s.Request.Launch, 0, s.AzimuthRad, s.Controls);
        var tight = new PropagationOptions(null, 0, 0, false, PropagationOptions.DefaultIntegrator with { RelativeTolerance = 1e-13, AbsoluteTolerance = 1e-9 });
        Trajectory reference = new Propagator(env, tight).Run(plan, 6 * 3600);
        Trajectory ours = new Propagator(env, PropagationOptions.ToImpact()).Run(plan, 6 * 3600);
        Geodetic a = env.GeodeticPosition(reference.Final);
        Geodetic b = env.GeodeticPosition(ours.Final);
        double d = Geodesic.Inverse(env.Planet.Shape, a.LatitudeRad, a.LongitudeRad, b.LatitudeRad, b.LongitudeRad).DistanceM;
        Assert.True(d < 1, $"impact points differ by {d:F3} m");
        Assert.True(reference.Evaluations > ours.Evaluations);
        ValidationLog.Measured(FormattableString.Invariant($"impact points {d:0.00} m apart"));
    }
}
