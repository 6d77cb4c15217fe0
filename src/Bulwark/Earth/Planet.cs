namespace Bulwark.Earth;

/// <summary>
/// A planet model: its shape, point-mass gravitational parameter, J2 zonal harmonic and rotation rate. WGS-84 is the default;
/// a sphere of given radius (no J2, rotation on or off) is first-class because validation cases use it.
/// </summary>
/// <param name="Shape">reference ellipsoid (or sphere) for geodetic positions and altitude</param>
/// <param name="MuM3PerS2">gravitational parameter μ, m³/s²</param>
/// <param name="J2">second zonal harmonic (0 = point mass)</param>
/// <param name="RotationRateRadPerS">rotation rate ω about +Z, rad/s (0 = non-rotating)</param>
public sealed record Planet(Ellipsoid Shape, double MuM3PerS2, double J2, double RotationRateRadPerS)
{
    /// <summary>WGS-84 ellipsoid, GM, EGM96 J2 and rotation rate (NIMA TR8350.2).</summary>
    public static readonly Planet Wgs84 = new(Ellipsoid.Wgs84, Earth.Wgs84.GravitationalParameterM3PerS2, Earth.Wgs84.J2, Earth.Wgs84.RotationRateRadPerS);

    /// <summary>The mean Earth radius, 6,371,007.18 m: the sphere of the NASA NESC check-cases (NASA/TM-2015-218675).</summary>
    public const double NescSphereRadiusM = 6371007.18;

    /// <summary>A spherical, point-mass planet.</summary>
    public static Planet Sphere(double radiusM, double muM3PerS2 = Earth.Wgs84.GravitationalParameterM3PerS2, double rotationRateRadPerS = 0) =>
        new(Ellipsoid.Sphere(radiusM), muM3PerS2, 0, rotationRateRadPerS);

    /// <summary>Reference radius of the J2 term: the equatorial radius, m.</summary>
    public double J2ReferenceRadiusM => Shape.EquatorialRadiusM;

    public bool IsRotating => RotationRateRadPerS != 0;
}
