using System.Runtime.CompilerServices;
using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// Gravitational acceleration of a point mass plus the J2 zonal term (Vallado, "Fundamentals of Astrodynamics and
/// Applications", 4th ed., eq. 8-30). J2 is symmetric about +Z, so the same formula holds in ECI and ECEF axes.
/// </summary>
public static class Gravity
{
    /// <summary>Acceleration (m/s²) at position <paramref name="rM"/> (m, ECI or ECEF: both share +Z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 Acceleration(Planet planet, Vec3 rM)
    {
        double r2 = rM.NormSquared;
        double r = Math.Sqrt(r2);
        double muOverR3 = planet.MuM3PerS2 / (r2 * r);
        if (planet.J2 == 0)
        {
            return -muOverR3 * rM;
        }

        double re = planet.J2ReferenceRadiusM;
        double k = 1.5 * planet.J2 * re * re / r2;
        double z2r2 = rM.Z * rM.Z / r2;
        double fxy = 1 + k * (1 - 5 * z2r2);
        double fz = 1 + k * (3 - 5 * z2r2);
        return new Vec3(-muOverR3 * rM.X * fxy, -muOverR3 * rM.Y * fxy, -muOverR3 * rM.Z * fz);
    }

    /// <summary>Gravitational potential energy per unit mass (J/kg, negative) of the same field, for conservation checks.</summary>
    public static double Potential(Planet planet, Vec3 rM)
    {
        double r = rM.Norm;
        double re = planet.J2ReferenceRadiusM;
        double sinPhi = rM.Z / r;
        double p2 = 0.5 * (3 * sinPhi * sinPhi - 1);
        return -planet.MuM3PerS2 / r * (1 - planet.J2 * (re / r) * (re / r) * p2);
    }
}
