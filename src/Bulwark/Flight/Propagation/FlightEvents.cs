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

    /// <summary>
    /// From the distance r to the centre alone: the height of any point lies between r − max(a, b) and r − min(a, b)
    /// (every point of the ellipsoid is between b and a from the centre), so g's sign is certain where the altitude lies more
    /// than <see cref="HeightProbe.BoundMarginM"/> outside that interval: everywhere but within about |a − b| (21 km on WGS 84)
    /// of the crossing.
    /// </summary>
    public int CertainSign(double t, ReadOnlySpan<double> y) => _heights.CertainSign(y, AltitudeM);
}

/// <summary>
/// The geodetic height of an ECI state's position (computed from the ECI position, as the forces compute it: the Earth's
/// rotation about the axis leaves the height as it is, to rounding), kept for the last
/// time and position asked: the event functions evaluated after the same step (the impact or floor crossing, the
/// <see cref="SmoothBandEvent"/>) share one computation. One instance per integrator (it is not thread-safe).
/// </summary>
public sealed class HeightProbe(FlightEnvironment environment)
{
    /// <summary>
    /// How far outside the interval [r − max(a, b), r − min(a, b)] an altitude must be for the sign of height − altitude
    /// to be taken as certain, m: far above the round-off of either computation (nanometres; the ECI→ECEF rotation keeps r
    /// to 1e−16 of itself).
    /// </summary>
    public const double BoundMarginM = 1;

    private readonly double _nearest = Math.Min(environment.Planet.Shape.EquatorialRadiusM, environment.Planet.Shape.PolarRadiusM);
    private readonly double _farthest = Math.Max(environment.Planet.Shape.EquatorialRadiusM, environment.Planet.Shape.PolarRadiusM);

    private double _t = double.NaN, _x, _y, _z, _h;

    /// <summary>The height of the position y[0..2] (m, ECI) at time t, m.</summary>
    public double Height(double t, ReadOnlySpan<double> y)
    {
        if (t == _t && y[0] == _x && y[1] == _y && y[2] == _z)
        {
            return _h;
        }

        _h = environment.Planet.Shape.HeightOf(Vec3.From(y, 0)); // from the ECI position, as the forces take it (FlightContext)
        (_t, _x, _y, _z) = (t, y[0], y[1], y[2]);
        return _h;
    }

    /// <summary>
    /// The certain sign of height − <paramref name="altitudeM"/> at the position y[0..2] (m, ECI), from its distance r to the
    /// centre alone, or 0. The height lies in [r − max(a, b), r − min(a, b)]: every point of the ellipsoid is between the
    /// semi-axes' distances from the centre, so the nearest one (the height's foot, outside; inside, the height is minus the
    /// distance to it) is no nearer than r − max(a, b) and no farther than r − min(a, b) along the radius through the point.
    /// </summary>
    public int CertainSign(ReadOnlySpan<double> y, double altitudeM)
    {
        // r − max(a, b) − altitude > margin and r − min(a, b) − altitude < −margin, compared as squares (no square root;
        // the squares' rounding, parts in 1e16 of r, is far inside the margin).
        double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
        double above = _farthest + altitudeM + BoundMarginM;
        if (above < 0 || r2 > above * above)
        {
            return 1;
        }

        double below = _nearest + altitudeM - BoundMarginM;
        return below > 0 && r2 < below * below ? -1 : 0;
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
        EarthRotation.Turn turn = EarthRotation.At(t, w);
        Vec3 rEcef = turn.EciToEcef(rEci);
        Vec3 vEcef = EarthRotation.EcefVelocity(rEci, Vec3.From(y, 3), turn, w);
        Geodetic g = environment.Planet.Shape.ToGeodetic(rEcef);
        return LocalFrame.EcefToEnu(vEcef, g.LatitudeRad, g.LongitudeRad).Z;
    }

    /// <summary>
    /// From the radial speed: g is the Earth-relative velocity v along the ellipsoid normal n̂, and n̂ is within an angle
    /// of the radial direction r̂ whose sine is at most a·sin Δ / r, where Δ ≤ f(1 + f) is the largest difference between
    /// geodetic and geocentric latitude on the ellipsoid (0.19° on WGS 84) and r the distance to the centre (the point is
    /// its normal's foot plus a multiple of n̂, so |n̂ × r| = |n̂ × foot| ≤ a sin Δ). So |g − v·r̂| ≤ |v|·2|f|·a/r, and g is
    /// certain where the radial speed exceeds that: all of a flight but the few degrees of flight-path angle around its
    /// apogee. Only for flattenings under 0.01 and points farther than a/2 from the centre (the bound's assumptions).
    /// </summary>
    public int CertainSign(double t, ReadOnlySpan<double> y)
    {
        Ellipsoid shape = environment.Planet.Shape;
        double f = Math.Abs(shape.Flattening), a = shape.EquatorialRadiusM;
        double r = Math.Sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
        if (!(f < 0.01 && r > 0.5 * a))
        {
            return 0;
        }

        // |v·r̂| > |v|·(2f·a/r + RoundOff), times r and squared: (v·r)² > |v|²·(2f·a + RoundOff·r)², without a division or
        // the speed's square root (their rounding, parts in 1e16, is far inside the RoundOff margin).
        Vec3 v = EarthRotation.EarthRelativeVelocityEci(Vec3.From(y, 0), Vec3.From(y, 3), environment.Planet.RotationRateRadPerS);
        double radial = v.X * y[0] + v.Y * y[1] + v.Z * y[2];
        double bound = 2 * f * a + RoundOff * r;
        if (!(radial * radial > v.NormSquared * (bound * bound)))
        {
            return 0;
        }

        return radial > 0 ? 1 : -1;
    }

    /// <summary>A relative margin for the round-off of either computation (a sphere's normal is exactly radial).</summary>
    private const double RoundOff = 1e-9;
}
