using Bulwark.Earth;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Flight.Propagation;

/// <summary>g = geodetic height − <see cref="AltitudeM"/>: crossing an altitude (ground impact is 0 m, descending).</summary>
public sealed class AltitudeCrossingEvent(FlightEnvironment environment, double altitudeM, CrossingDirection direction) : IEventFunction
{
    public double AltitudeM { get; } = altitudeM;

    public CrossingDirection Direction { get; } = direction;

    public double Value(double t, ReadOnlySpan<double> y)
    {
        Vec3 rEcef = EarthRotation.EciToEcef(Vec3.From(y, 0), t, environment.Planet.RotationRateRadPerS);
        return environment.Planet.Shape.HeightOf(rEcef) - AltitudeM;
    }
}

/// <summary>
/// g = dh/dt, the rate of change of geodetic height (the Earth-relative velocity along the ellipsoid normal, which is the
/// gradient of height): apogee is where it falls through zero.
/// </summary>
public sealed class ApogeeEvent(FlightEnvironment environment) : IEventFunction
{
    public CrossingDirection Direction => CrossingDirection.Decreasing;

    public double Value(double t, ReadOnlySpan<double> y)
    {
        double w = environment.Planet.RotationRateRadPerS;
        Vec3 rEci = Vec3.From(y, 0);
        Vec3 rEcef = EarthRotation.EciToEcef(rEci, t, w);
        Vec3 vEcef = EarthRotation.EcefVelocity(rEci, Vec3.From(y, 3), t, w);
        Geodetic g = environment.Planet.Shape.ToGeodetic(rEcef);
        return LocalFrame.EcefToEnu(vEcef, g.LatitudeRad, g.LongitudeRad).Z;
    }
}
