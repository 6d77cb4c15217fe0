namespace Bulwark.Integration;

/// <summary>Classical fixed-step 4th-order Runge–Kutta, for tests and cross-checks.</summary>
public static class RungeKutta4
{
    /// <summary>Integrates from t0S to tEndS in steps of stepS (the last one shortened to land on tEndS).</summary>
    public static void Integrate<TSystem>(TSystem system, double t0S, ReadOnlySpan<double> y0, double tEndS, double stepS, Span<double> yEnd)
        where TSystem : IOdeSystem
        => throw new NotImplementedException();
}
