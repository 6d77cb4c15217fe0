using Bulwark.Earth;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Flight.Propagation;

/// <summary>g = geodetic height − <see cref="AltitudeM"/>: crossing an altitude (ground impact is 0 m, descending).</summary>
/// <param name="environment">the world</param>
/// <param name="altitudeM">the altitude, m</param>
/// <param name="direction">which crossings count</param>
/// <param name="heights">a height shared with the other events of the same integration, computed once per state; null: its own</param>
public sealed class AltitudeCrossingEvent(FlightEnvironment environment, double altitudeM, CrossingDirection direction, HeightProbe? heights = null)
    : IEventFunction
{
    private readonly HeightProbe _heights = heights ?? new HeightProbe(environment);

    public double AltitudeM { get; } = altitudeM;

    public CrossingDirection Direction { get; } = direction;

    public double Value(double t, ReadOnlySpan<double> y) => _heights.Height(t, y) - AltitudeM;
}

/// <summary>
/// The geodetic height of an ECI state's position (of its ECEF position, as the forces compute it), kept for the last
/// time and position asked: the event functions evaluated after the same step (the impact or floor crossing, the
/// <see cref="SmoothBandEvent"/>) share one computation. One instance per integrator (it is not thread-safe).
/// </summary>
public sealed class HeightProbe(FlightEnvironment environment)
{
    private double _t = double.NaN, _x, _y, _z, _h;

    /// <summary>The height of the position y[0..2] (m, ECI) at time t, m.</summary>
    public double Height(double t, ReadOnlySpan<double> y)
    {
        if (t == _t && y[0] == _x && y[1] == _y && y[2] == _z)
        {
            return _h;
        }

        Vec3 rEcef = EarthRotation.EciToEcef(Vec3.From(y, 0), t, environment.Planet.RotationRateRadPerS);
        _h = environment.Planet.Shape.HeightOf(rEcef);
        (_t, _x, _y, _z) = (t, y[0], y[1], y[2]);
        return _h;
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
