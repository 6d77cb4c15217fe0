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
    private readonly double _latitudeSinNum;
    private readonly double _latitudeCosNum;
    private readonly bool _withAir;

    public FlightContext(FlightEnvironment environment, double timeS, Vec3 rEci, Vec3 vEci, double massKg, bool needsAir)
    {
        TimeS = timeS;
        PositionEciM = rEci;
        VelocityEciMPerS = vEci;
        MassKg = massKg;
        Environment = environment;
        double w = environment.Planet.RotationRateRadPerS;
        AirVelocityEciMPerS = EarthRotation.EarthRelativeVelocityEci(rEci, vEci, w);
        _withAir = needsAir;
        if (needsAir)
        {
            // The height and latitude depend on the position's distance from the axis and its height over the equator
            // only, which the Earth's rotation about the axis leaves as they are: they are taken from the ECI position,
            // without the rotation (a sine and cosine), and agree with those of the ECEF position to a few units in the
            // last place (docs/performance.md, "The flight context's trigonometry").
            HeightM = environment.Planet.Shape.HeightOf(rEci, out _latitudeSinNum, out _latitudeCosNum);
            Air = environment.Atmosphere.At(HeightM);
        }
        else
        {
            HeightM = 0;
            _latitudeSinNum = 0;
            _latitudeCosNum = 0;
            Air = default;
        }
    }

    public FlightEnvironment Environment { get; }

    public double TimeS { get; }

    public Vec3 PositionEciM { get; }

    public Vec3 VelocityEciMPerS { get; }

    public double MassKg { get; }

    /// <summary>ECEF position (computed when asked for).</summary>
    public Vec3 PositionEcefM => EarthRotation.EciToEcef(PositionEciM, TimeS, Environment.Planet.RotationRateRadPerS);

    /// <summary>Height above the ellipsoid, m (only when the forces asked for air).</summary>
    public double HeightM { get; }

    /// <summary>Geodetic position, computed when asked for (two arctangents; drag needs only the height:
    /// docs/performance.md, "The flight context's trigonometry").</summary>
    public Geodetic Geodetic
    {
        get
        {
            (double h, double sinNum, double cosNum) = Footpoint();
            return Ellipsoid.GeodeticOf(PositionEcefM, h, sinNum, cosNum);
        }
    }

    /// <summary>Velocity relative to the co-rotating air, in ECI axes: v − ω×r.</summary>
    public Vec3 AirVelocityEciMPerS { get; }

    /// <summary>The air at the vehicle (only when the forces asked for it).</summary>
    public AtmosphereState Air { get; }

    /// <summary>Local geodetic "up" (the ellipsoid normal) in ECI axes.</summary>
    public Vec3 UpEci => LocalAxesEci().Up;

    /// <summary>Local north in ECI axes.</summary>
    public Vec3 NorthEci => LocalAxesEci().North;

    /// <summary>Local east in ECI axes.</summary>
    public Vec3 EastEci => LocalAxesEci().East;

    /// <summary>
    /// The local geodetic axes in ECI axes, all three at once and without trigonometric functions: the sine and cosine of
    /// the latitude are the normalised numbers the height's closed form gives with it, those of the inertial longitude
    /// (the Earth-fixed longitude plus ωt, which turns the axes into ECI) the position's own x and y over its distance from
    /// the axis. The same axes as turning those at the geodetic latitude and longitude, to a few units in the last
    /// place (FlightContextTests), for none of the two arctangents and three sines and cosines that costs.
    /// </summary>
    public LocalAxes LocalAxesEci()
    {
        (_, double sinNum, double cosNum) = Footpoint();
        if (!Ellipsoid.SinCosOf(PositionEciM, sinNum, cosNum, out double sinLat, out double cosLat, out double sinLon, out double cosLon))
        {
            (sinLon, cosLon) = Math.SinCos(Environment.Planet.RotationRateRadPerS * TimeS); // on the axis: Earth-fixed longitude 0, as ToGeodetic gives it
        }

        return new LocalAxes(
            LocalFrame.EnuToEcef(Vec3.UnitZ, sinLat, cosLat, sinLon, cosLon),
            LocalFrame.EnuToEcef(Vec3.UnitY, sinLat, cosLat, sinLon, cosLon),
            LocalFrame.EnuToEcef(Vec3.UnitX, sinLat, cosLat, sinLon, cosLon));
    }

    /// <summary>The height and the latitude's two numbers: kept where the forces asked for air, else computed now.</summary>
    private (double HeightM, double SinNum, double CosNum) Footpoint()
    {
        if (_withAir)
        {
            return (HeightM, _latitudeSinNum, _latitudeCosNum);
        }

        double h = Environment.Planet.Shape.HeightOf(PositionEciM, out double sinNum, out double cosNum);
        return (h, sinNum, cosNum);
    }
}

/// <summary>The local geodetic axes at a point: up (the ellipsoid normal), north and east, in one frame's axes.</summary>
public readonly record struct LocalAxes(Vec3 Up, Vec3 North, Vec3 East);
