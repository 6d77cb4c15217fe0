using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;

namespace Bulwark.Flight.Vehicles;

/// <summary>An unpowered point mass with drag (no lift): re-entry vehicles, debris, the NESC check-case sphere.</summary>
/// <param name="MassKg">mass, kg (&gt; 0)</param>
/// <param name="ReferenceAreaM2">drag reference area, m² (≥ 0)</param>
/// <param name="Cd">drag coefficient as a function of Mach</param>
public sealed record PointMassBody(double MassKg, double ReferenceAreaM2, DragCoefficient Cd)
{
    /// <summary>The forces on the body: gravity, and drag when it has an area.</summary>
    public IReadOnlyList<IForce> Forces(FlightEnvironment environment) =>
        ReferenceAreaM2 > 0 ? [new GravityForce(environment.Planet), new DragForce(ReferenceAreaM2, Cd)] : [new GravityForce(environment.Planet)];

    /// <summary>A plan of one open-ended free-flight phase from <paramref name="initial"/>.</summary>
    public FlightPlan FreeFlight(FlightEnvironment environment, FlightState initial) =>
        new(initial with { MassKg = MassKg }, [new FlightPhase("free flight", double.PositiveInfinity, Forces(environment))]);
}
