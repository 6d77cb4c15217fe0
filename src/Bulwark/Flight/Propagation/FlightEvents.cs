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
    private readonly Ellipsoid _shape = environment.Planet.Shape;
    private readonly double _rotation = environment.Planet.RotationRateRadPerS;

    /// <summary>1 / (1 − e²) = a²/b², which scales z in the gradient of the similar ellipsoid through the point.</summary>
    private readonly double _zScale = 1 / (1 - environment.Planet.Shape.EccentricitySquared);

    /// <summary>e′² / 2 = e² / (2(1 − e²)), the second eccentricity's square halved.</summary>
    private readonly double _halfSecondEccentricity2 =
        environment.Planet.Shape.EccentricitySquared / (2 * (1 - environment.Planet.Shape.EccentricitySquared));

    public CrossingDirection Direction => CrossingDirection.Decreasing;

    /// <summary>
    /// The Earth-relative velocity along the ellipsoid normal, in ECI axes: the normal from the height's closed form
    /// (<see cref="Ellipsoid.HeightOf(Vec3, out double, out double)"/> and <see cref="Ellipsoid.SinCosOf"/>, without
    /// trigonometric functions), the velocity less ω × r. The ellipsoid is symmetric about the axis, so the normal of the
    /// ECI position is the ECEF normal turned with it, and the product is the ECEF one (to rounding).
    /// </summary>
    public double Value(double t, ReadOnlySpan<double> y)
    {
        Vec3 r = Vec3.From(y, 0);
        Vec3 v = EarthRotation.EarthRelativeVelocityEci(r, Vec3.From(y, 3), _rotation);
        _shape.HeightOf(r, out double sinNum, out double cosNum);
        Ellipsoid.SinCosOf(r, sinNum, cosNum, out double sinLatitude, out double cosLatitude, out double sinLongitude, out double cosLongitude);
        return cosLatitude * (cosLongitude * v.X + sinLongitude * v.Y) + sinLatitude * v.Z;
    }

    /// <summary>
    /// From the velocity along the normal of the similar ellipsoid through the point: g's sign is certain wherever that
    /// velocity is larger than the angle between the two normals allows (all of a flight but a fraction of a degree of
    /// flight-path angle around its apogee, the more so the lower the flight).
    /// </summary>
    /// <remarks>
    /// <para>
    /// On an oblate ellipsoid (0 &lt; f &lt; 0.01), a point of geodetic latitude φ and height h is its foot plus h n̂, so
    /// m = (x, y, z/(1 − e²)) (the gradient of x²/a² + y²/a² + z²/b², times a²/2) is (N + h + h e′² sin²φ) n̂ plus
    /// h e′² sinφ cosφ along a unit vector perpendicular to n̂ (N the prime-vertical radius, e′² = e²/(1 − e²)). Write
    /// m = α n̂ + β û: then v·m = α g + β v·û, |β| ≤ |h| e′²/2, and α ≤ |m|, so g has the sign of v·m wherever
    /// |v·m| &gt; |m|·|v|·τ with τ ≥ |β|/α. The height lies in [r − a, r − b] (<see cref="HeightProbe"/>): above the
    /// ellipsoid (r ≥ a) α ≥ a + h and τ = e′²/2 · (r − b)/(a + r − b); otherwise, with H = max(|r − a|, |r − b|),
    /// α ≥ a − H(1 + e′²) and τ = e′²/2 · H / (a − H(1 + e′²)). At 1,000 km τ is 4.6e−4 (the radial direction's 0.19°,
    /// the bound this replaces, is 3.3e−3), and at the ground it is 1e−5 or less.
    /// </para>
    /// <para>
    /// A sphere has τ = 0 (its normal is radial). A prolate ellipsoid (−0.01 &lt; f &lt; 0) falls back to the radial
    /// direction: n̂ is within an angle of r̂ whose sine is at most a·sin Δ / r, where Δ ≤ |f|(1 + |f|) is the largest
    /// difference between geodetic and geocentric latitude, so |g − v·r̂| ≤ |v|·2|f|·a/r. A flattening of 0.01 or more
    /// either way, or a point nearer the centre than a/2, gives no certain sign (the bounds' assumptions).
    /// </para>
    /// <para>
    /// The margins are compared as squares, without a division or the speed's square root; their rounding (parts in 1e16)
    /// is far inside the <see cref="RoundOff"/> margin. The ellipsoid is symmetric about the axis, so the ECI position
    /// and the Earth-relative velocity in ECI axes give the same products as the ECEF ones.
    /// </para>
    /// </remarks>
    public int CertainSign(double t, ReadOnlySpan<double> y)
    {
        double f = _shape.Flattening, a = _shape.EquatorialRadiusM;
        double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
        double r = Math.Sqrt(r2);
        if (!(Math.Abs(f) < 0.01 && r > 0.5 * a))
        {
            return 0;
        }

        Vec3 v = EarthRotation.EarthRelativeVelocityEci(Vec3.From(y, 0), Vec3.From(y, 3), _rotation);
        double along, normal2, tau;
        if (f >= 0)
        {
            // The similar ellipsoid's normal m (see remarks).
            double mz = y[2] * _zScale;
            along = v.X * y[0] + v.Y * y[1] + v.Z * mz;
            normal2 = y[0] * y[0] + y[1] * y[1] + mz * mz;
            double b = _shape.PolarRadiusM, k = _halfSecondEccentricity2;
            if (r >= a)
            {
                tau = k * (r - b) / (a + r - b);
            }
            else
            {
                double hMax = Math.Max(Math.Abs(r - a), Math.Abs(r - b)), floor = a - hMax * (1 + 2 * k);
                if (!(floor > 0))
                {
                    return 0;
                }

                tau = k * hMax / floor;
            }
        }
        else
        {
            // Prolate: the radial direction (see remarks).
            along = v.X * y[0] + v.Y * y[1] + v.Z * y[2];
            normal2 = r2;
            tau = 2 * Math.Abs(f) * a / r;
        }

        double bound = tau + RoundOff;
        if (!(along * along > v.NormSquared * normal2 * (bound * bound)))
        {
            return 0;
        }

        return along > 0 ? 1 : -1;
    }

    /// <summary>A relative margin for the round-off of either computation (a sphere's normal is exactly radial).</summary>
    private const double RoundOff = 1e-9;
}
