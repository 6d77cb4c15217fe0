using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>An oblate ellipsoid of revolution (a sphere when the flattening is zero), with exact geodetic↔ECEF conversion.</summary>
public sealed record Ellipsoid(double EquatorialRadiusM, double Flattening)
{
    public static readonly Ellipsoid Wgs84 = new(Earth.Wgs84.EquatorialRadiusM, Earth.Wgs84.Flattening);

    public static Ellipsoid Sphere(double radiusM) => new(radiusM, 0);

    public double PolarRadiusM => EquatorialRadiusM * (1 - Flattening);

    /// <summary>First eccentricity squared e² = f(2 − f).</summary>
    public double EccentricitySquared => Flattening * (2 - Flattening);

    public bool IsSphere => Flattening == 0;

    /// <summary>Earth-fixed Cartesian position (m) of a geodetic point.</summary>
    public Vec3 ToEcef(Geodetic point) => throw new NotImplementedException();

    /// <summary>Geodetic point of an Earth-fixed Cartesian position (m); exact (closed form), valid everywhere including the poles and the centre region.</summary>
    public Geodetic ToGeodetic(Vec3 rEcefM) => throw new NotImplementedException();

    /// <summary>Height above the ellipsoid (m) of an ECEF position; same result as ToGeodetic(r).HeightM.</summary>
    public double HeightOf(Vec3 rEcefM) => ToGeodetic(rEcefM).HeightM;
}
