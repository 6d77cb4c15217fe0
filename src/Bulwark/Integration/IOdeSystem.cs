namespace Bulwark.Integration;

/// <summary>A first-order system y' = f(t, y). Implementations compute and return: no I/O, no allocation, no recording.</summary>
public interface IOdeSystem
{
    /// <summary>The length of the state vector.</summary>
    int Dimension { get; }

    /// <summary>Writes f(t, y) into <paramref name="dydt"/>.</summary>
    void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt);
}
