namespace Bulwark.Numerics;

/// <summary>
/// The maximum of the least-squares cubic through five equally spaced samples: where a function is flat at its maximum
/// and its samples carry small noise, this places the maximum far more reproducibly than a bracketing search, whose
/// answer depends on where the noise let it stop.
/// </summary>
public static class FivePointMaximum
{
    /// <summary>
    /// Fits y = a + b·u + c·u² + d·u³ to the samples at u = −2, −1, 0, 1, 2 (least squares) and returns the u of the
    /// fitted curve's local maximum nearest its centre, or null if the fit is not concave there (no maximum to find).
    /// </summary>
    public static double? Offset(ReadOnlySpan<double> y)
    {
        var (_, b, c, d) = Coefficients(y);

        // Stationary points: b + 2c·u + 3d·u² = 0; the maximum is the root where 2c + 6d·u < 0.
        if (d == 0)
        {
            return c < 0 ? -b / (2 * c) : null;
        }

        double disc = 4 * c * c - 12 * b * d;
        if (disc < 0)
        {
            return null;
        }

        double q = -(2 * c + Math.CopySign(Math.Sqrt(disc), c)) / 2;  // the stable pair of roots: q/(3d) and b/q
        double[] roots = q == 0 ? [] : [q / (3 * d), b / q];
        double? best = null;
        foreach (double u in roots)
        {
            if (2 * c + 6 * d * u < 0 && (best is null || Math.Abs(u) < Math.Abs(best.Value)))
            {
                best = u;
            }
        }

        return best;
    }

    /// <summary>The same least-squares cubic through the samples at u = −2 … 2, evaluated at <paramref name="u"/>.</summary>
    public static double Value(ReadOnlySpan<double> y, double u)
    {
        var (a, b, c, d) = Coefficients(y);
        return a + u * (b + u * (c + u * d));
    }

    private static (double A, double B, double C, double D) Coefficients(ReadOnlySpan<double> y)
    {
        if (y.Length != 5)
        {
            throw new ArgumentException("expected five samples", nameof(y));
        }

        // Normal equations split into even and odd parts on the symmetric stencil: Σu² = 10, Σu⁴ = 34, Σu⁶ = 130.
        double s0 = y[0] + y[1] + y[2] + y[3] + y[4];
        double s2 = 4 * (y[0] + y[4]) + y[1] + y[3];
        double s1 = -2 * y[0] - y[1] + y[3] + 2 * y[4];
        double s3 = -8 * y[0] - y[1] + y[3] + 8 * y[4];
        double c = (5 * s2 - 10 * s0) / (5 * 34 - 10 * 10);     // from 5a + 10c = s0, 10a + 34c = s2
        double a = (34 * s0 - 10 * s2) / (5 * 34 - 10 * 10);
        double b = (130 * s1 - 34 * s3) / (10 * 130 - 34 * 34); // from 10b + 34d = s1, 34b + 130d = s3
        double d = (10 * s3 - 34 * s1) / (10 * 130 - 34 * 34);
        return (a, b, c, d);
    }
}
