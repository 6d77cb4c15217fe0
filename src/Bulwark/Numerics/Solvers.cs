namespace Bulwark.Numerics;

/// <summary>One-dimensional root finding and maximisation on brackets, without derivatives.</summary>
public static class Solvers
{
    private static readonly double InvPhi = (Math.Sqrt(5) - 1) / 2;

    /// <summary>
    /// The argument in [lo, hi] at which the unimodal <paramref name="f"/> is largest (golden-section search), to within
    /// <paramref name="tolerance"/> in the argument. Returns the argument and the value there.
    /// </summary>
    public static (double X, double F) Maximise(Func<double, double> f, double lo, double hi, double tolerance)
    {
        double a = lo, b = hi;
        double c = b - InvPhi * (b - a);
        double d = a + InvPhi * (b - a);
        double fc = f(c), fd = f(d);
        while (b - a > tolerance)
        {
            if (fc >= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - InvPhi * (b - a);
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + InvPhi * (b - a);
                fd = f(d);
            }
        }

        return fc >= fd ? (c, fc) : (d, fd);
    }

    /// <summary>
    /// A root of <paramref name="f"/> in [a, b] where f(a) and f(b) have opposite signs (Illinois variant of regula falsi,
    /// falling back to bisection), to within <paramref name="xTolerance"/> or |f| ≤ <paramref name="fTolerance"/>.
    /// </summary>
    public static double FindRoot(Func<double, double> f, double a, double b, double fa, double fb, double xTolerance, double fTolerance, int maxIterations = 100)
    {
        if (Math.Sign(fa) == Math.Sign(fb) && fa != 0 && fb != 0)
        {
            throw new ArgumentException("the root is not bracketed");
        }

        if (fa == 0)
        {
            return a;
        }

        if (fb == 0)
        {
            return b;
        }

        int side = 0;
        for (int i = 0; i < maxIterations; i++)
        {
            double x = (a * fb - b * fa) / (fb - fa);
            if (!(x > Math.Min(a, b) && x < Math.Max(a, b)) || i % 8 == 7)
            {
                x = 0.5 * (a + b);
            }

            double fx = f(x);
            if (Math.Abs(fx) <= fTolerance || Math.Abs(b - a) <= xTolerance)
            {
                return x;
            }

            if (Math.Sign(fx) == Math.Sign(fb))
            {
                b = x;
                fb = fx;
                if (side == -1)
                {
                    fa /= 2;
                }

                side = -1;
            }
            else
            {
                a = x;
                fa = fx;
                if (side == 1)
                {
                    fb /= 2;
                }

                side = 1;
            }
        }

        return (a * fb - b * fa) / (fb - fa);
    }
}
