namespace Bulwark.Integration;

/// <summary>Classical fixed-step 4th-order Runge–Kutta, for tests and cross-checks.</summary>
public static class RungeKutta4
{
    /// <summary>Integrates from t0S to tEndS in steps of stepS (the last one shortened to land on tEndS).</summary>
    /// <remarks>
    /// Step i runs from t0S + i·stepS; a final remainder shorter than 1e-9·stepS is merged into the previous step rather than
    /// taken as a sliver. Stage storage is stack-allocated for small systems. <paramref name="y0"/> and
    /// <paramref name="yEnd"/> may overlap.
    /// </remarks>
    public static void Integrate<TSystem>(TSystem system, double t0S, ReadOnlySpan<double> y0, double tEndS, double stepS, Span<double> yEnd)
        where TSystem : IOdeSystem
    {
        int n = y0.Length;
        if (yEnd.Length != n || system.Dimension != n)
        {
            throw new ArgumentException($"y0 has {n} components, yEnd {yEnd.Length}, the system {system.Dimension}.", nameof(yEnd));
        }

        if (!(stepS > 0) || double.IsInfinity(stepS))
        {
            throw new ArgumentOutOfRangeException(nameof(stepS), $"stepS must be finite and > 0 (got {stepS}).");
        }

        if (!double.IsFinite(t0S) || !double.IsFinite(tEndS) || tEndS < t0S)
        {
            throw new ArgumentOutOfRangeException(nameof(tEndS), $"Need finite t0S ≤ tEndS (got t0S = {t0S}, tEndS = {tEndS}).");
        }

        const int StackLimit = 64;
        Span<double> work = n <= StackLimit ? stackalloc double[6 * StackLimit] : new double[6 * n];
        Span<double> y = work[..n], ys = work.Slice(n, n), k1 = work.Slice(2 * n, n), k2 = work.Slice(3 * n, n),
            k3 = work.Slice(4 * n, n), k4 = work.Slice(5 * n, n);
        y0.CopyTo(y);

        double steps = Math.Ceiling((tEndS - t0S) / stepS - 1e-9);
        if (steps > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(stepS), $"{steps} steps of {stepS} s are too many.");
        }

        int count = (int)steps;
        for (int s = 0; s < count; s++)
        {
            double t = t0S + s * stepS;
            double tNext = s == count - 1 ? tEndS : t0S + (s + 1) * stepS;
            double h = tNext - t;
            double half = 0.5 * h;

            system.Derivative(t, y, k1);
            for (int i = 0; i < n; i++)
            {
                ys[i] = y[i] + half * k1[i];
            }

            system.Derivative(t + half, ys, k2);
            for (int i = 0; i < n; i++)
            {
                ys[i] = y[i] + half * k2[i];
            }

            system.Derivative(t + half, ys, k3);
            for (int i = 0; i < n; i++)
            {
                ys[i] = y[i] + h * k3[i];
            }

            system.Derivative(tNext, ys, k4);
            double sixth = h / 6.0;
            for (int i = 0; i < n; i++)
            {
                y[i] += sixth * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
            }
        }

        y.CopyTo(yEnd);
    }
}
