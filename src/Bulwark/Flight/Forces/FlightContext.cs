using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>
/// What the forces need to know at one evaluation of the equations of motion, computed once per evaluation and shared:
/// the inertial state, the Earth-fixed position, the geodetic position, the air-relative velocity and the air itself.
/// </summary>
public readonly struct FlightContext
{
    public FlightContext(FlightEnvironment environment, double timeS, Vec3 rEci, Vec3 vEci, double massKg, bool needsAir)
    {
        TimeS = timeS;
        PositionEciM = rEci;
        VelocityEciMPerS = vEci;
        MassKg = massKg;
        Environment = environment;
        double w = environment.Planet.RotationRateRadPerS;
        AirVelocityEciMPerS = EarthRotation.EarthRelativeVelocityEci(rEci, vEci, w);
        if (needsAir)
        {
            PositionEcefM = EarthRotation.EciToEcef(rEci, timeS, w);
            Geodetic = environment.Planet.Shape.ToGeodetic(PositionEcefM);
            Air = environment.Atmosphere.At(Geodetic.HeightM);
        }
        else
        {
            PositionEcefM = default;
            Geodetic = default;
            Air = default;
        }
    }

    public FlightEnvironment Environment { get; }

    public double TimeS { get; }

    public Vec3 PositionEciM { get; }

    public Vec3 VelocityEciMPerS { get; }

    public double MassKg { get; }

    /// <summary>ECEF position (only when the forces asked for air).</summary>
    public Vec3 PositionEcefM { get; }

    /// <summary>Geodetic position (only when the forces asked for air).</summary>
    public Geodetic Geodetic { get; }

    /// <summary>Velocity relative to the co-rotating air, in ECI axes: v − ω×r.</summary>
    public Vec3 AirVelocityEciMPerS { get; }

    /// <summary>The air at the vehicle (only when the forces asked for it).</summary>
    public AtmosphereState Air { get; }

    /// <summary>Local geodetic "up" (the ellipsoid normal) in ECI axes.</summary>
    public Vec3 UpEci => Rotate(LocalFrame.EnuToEcef(Vec3.UnitZ, Geodetic.LatitudeRad, Geodetic.LongitudeRad));

    /// <summary>Local north in ECI axes.</summary>
    public Vec3 NorthEci => Rotate(LocalFrame.EnuToEcef(Vec3.UnitY, Geodetic.LatitudeRad, Geodetic.LongitudeRad));

    /// <summary>Local east in ECI axes.</summary>
    public Vec3 EastEci => Rotate(LocalFrame.EnuToEcef(Vec3.UnitX, Geodetic.LatitudeRad, Geodetic.LongitudeRad));

    private Vec3 Rotate(Vec3 ecef) => EarthRotation.EcefToEci(ecef, TimeS, Environment.Planet.RotationRateRadPerS);
}
