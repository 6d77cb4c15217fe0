using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>The planet's gravity (point mass plus J2 when the planet has it).</summary>
public sealed class GravityForce(Planet planet) : IForce
{
    public bool NeedsAir => false;

    /// <summary>The planet whose field this is.</summary>
    public Planet Planet => planet;

    public Vec3 AccelerationEci(in FlightContext context) => Gravity.Acceleration(planet, context.PositionEciM);
}
