using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Flight;

/// <summary>The world a vehicle flies in: the planet (shape, gravity, rotation) and the atmosphere.</summary>
public sealed record FlightEnvironment(Planet Planet, IAtmosphere Atmosphere)
{
    /// <summary>Rotating WGS-84 with J2 and the US Standard Atmosphere 1976.</summary>
    public static FlightEnvironment Default => new(Planet.Wgs84, UsStandardAtmosphere1976.Instance);

    /// <summary>ECEF position of an ECI state.</summary>
    public Vec3 EcefPosition(in FlightState s) => EarthRotation.EciToEcef(s.PositionEciM, s.TimeS, Planet.RotationRateRadPerS);

    /// <summary>Earth-relative velocity in ECEF axes.</summary>
    public Vec3 EcefVelocity(in FlightState s) =>
        EarthRotation.EcefVelocity(s.PositionEciM, s.VelocityEciMPerS, s.TimeS, Planet.RotationRateRadPerS);

    public Geodetic GeodeticPosition(in FlightState s) => Planet.Shape.ToGeodetic(EcefPosition(s));

    /// <summary>The geodetic height of a state, m, as the forces and the events compute it (from the ECI position: the
    /// rotation about the axis leaves the height as it is, to rounding): for the propagation's decisions by height, so
    /// that they agree with the events that ended a segment there.</summary>
    public double HeightOf(in FlightState s) => Planet.Shape.HeightOf(s.PositionEciM);

    /// <summary>Earth-relative velocity in local north-east-down axes at the state's own position.</summary>
    public Vec3 NedVelocity(in FlightState s)
    {
        Geodetic g = GeodeticPosition(s);
        return LocalFrame.EcefToNed(EcefVelocity(s), g.LatitudeRad, g.LongitudeRad);
    }

    /// <summary>
    /// A state at rest on (or above) the Earth at time <paramref name="timeS"/>, moving with Earth-relative velocity
    /// <paramref name="velocityNedMPerS"/> (north, east, down).
    /// </summary>
    public FlightState StateAt(double timeS, Geodetic position, Vec3 velocityNedMPerS, double massKg)
    {
        Vec3 rEcef = Planet.Shape.ToEcef(position);
        Vec3 vEcef = LocalFrame.NedToEcef(velocityNedMPerS, position.LatitudeRad, position.LongitudeRad);
        double w = Planet.RotationRateRadPerS;
        return new FlightState(timeS, EarthRotation.EcefToEci(rEcef, timeS, w), EarthRotation.EciVelocity(rEcef, vEcef, timeS, w), massKg);
    }
}
