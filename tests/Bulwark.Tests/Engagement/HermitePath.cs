using Bulwark.Numerics;

namespace Bulwark.Tests.Engagement;

/// <summary>
/// A path through space: positions and velocities at increasing times, interpolated by cubic Hermite polynomials (exact
/// to the fourth order in the step; well under a metre for 1 s steps of a ballistic flight).
/// </summary>
internal sealed class HermitePath
{
    private readonly double[] _t;
    private readonly Vec3[] _r;
    private readonly Vec3[] _v;

    public HermitePath(double[] timesS, Vec3[] positionsM, Vec3[] velocitiesMPerS)
    {
        _t = timesS;
        _r = positionsM;
        _v = velocitiesMPerS;
    }

    public int Count => _t.Length;

    public double StartS => _t[0];

    public double EndS => _t[^1];

    public double TimeAt(int i) => _t[i];

    public Vec3 PositionAt(int i) => _r[i];

    /// <summary>The position at <paramref name="timeS"/> (clamped to the path's span).</summary>
    public Vec3 At(double timeS)
    {
        if (timeS <= _t[0])
        {
            return _r[0];
        }

        if (timeS >= _t[^1])
        {
            return _r[^1];
        }

        int i = Array.BinarySearch(_t, timeS);
        if (i >= 0)
        {
            return _r[i];
        }

        int k = ~i - 1;
        double h = _t[k + 1] - _t[k];
        double s = (timeS - _t[k]) / h;
        double s2 = s * s, s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
        return h00 * _r[k] + (h10 * h) * _v[k] + h01 * _r[k + 1] + (h11 * h) * _v[k + 1];
    }
}
