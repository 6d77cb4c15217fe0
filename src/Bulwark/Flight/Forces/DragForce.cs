using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>Aerodynamic drag opposing the air-relative velocity: a = −½ρ|v|v·C_D(M)·S/m (no lift, no wind).</summary>
public sealed class DragForce(double referenceAreaM2, DragCoefficient cd) : IForce
{
    public bool NeedsAir => true;

    public double ReferenceAreaM2 { get; } = referenceAreaM2;

    public DragCoefficient Cd { get; } = cd;

    public Vec3 AccelerationEci(in FlightContext context)
    {
        double rho = context.Air.DensityKgPerM3;
        if (rho <= 0)
        {
            return Vec3.Zero;
        }

        Vec3 v = context.AirVelocityEciMPerS;
        double speed = v.Norm;
        double a = context.Air.SpeedOfSoundMPerS;
        double mach = a > 0 ? speed / a : 0;
        double k = -0.5 * rho * speed * Cd.At(mach) * ReferenceAreaM2 / context.MassKg;
        return k * v;
    }
}
