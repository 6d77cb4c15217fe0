using Bulwark.Integration;

namespace Bulwark.Tests.Integration;

/// <summary>y' = −y.</summary>
internal readonly struct Decay : IOdeSystem
{
    public int Dimension => 1;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -y[0];
}

/// <summary>x'' = −x as [x, v].</summary>
internal readonly struct Oscillator : IOdeSystem
{
    public int Dimension => 2;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -y[0];
    }
}

/// <summary>Planar two-body problem with μ = 1, state [x, y, vx, vy].</summary>
internal readonly struct Kepler : IOdeSystem
{
    public int Dimension => 4;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double r2 = y[0] * y[0] + y[1] * y[1];
        double r3 = r2 * Math.Sqrt(r2);
        dydt[0] = y[2];
        dydt[1] = y[3];
        dydt[2] = -y[0] / r3;
        dydt[3] = -y[1] / r3;
    }
}

/// <summary>Vertical flight under constant gravity, state [height m, vertical velocity m/s].</summary>
internal readonly struct Ballistic : IOdeSystem
{
    public const double G = 9.80665;

    public int Dimension => 2;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -G;
    }
}

/// <summary>y' = −y until <see cref="BadAfterS"/>, then NaN.</summary>
internal readonly struct NaNAfter(double badAfterS) : IOdeSystem
{
    public double BadAfterS { get; } = badAfterS;

    public int Dimension => 1;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = t > BadAfterS ? double.NaN : -y[0];
}

/// <summary>g = y[component] − level.</summary>
internal sealed class LevelEvent(int component, double level, CrossingDirection direction) : IEventFunction
{
    public CrossingDirection Direction { get; } = direction;

    public double Value(double t, ReadOnlySpan<double> y) => y[component] - level;
}

/// <summary>Records every step the integrator reports.</summary>
internal sealed class StepRecorder : IStepObserver
{
    public List<(double Start, double End)> Steps { get; } = [];

    public List<(double T, double[] Y)> Midpoints { get; } = [];

    public List<double[]> Ends { get; } = [];

    public void OnStep(IDenseOutput step)
    {
        Steps.Add((step.StartTimeS, step.EndTimeS));
        double mid = 0.5 * (step.StartTimeS + step.EndTimeS);
        var y = new double[2];
        step.Interpolate(mid, y);
        Midpoints.Add((mid, y));
        var end = new double[2];
        step.Interpolate(step.EndTimeS, end);
        Ends.Add(end);
    }
}

/// <summary>Samples the solution at fixed output times, the way a trajectory recorder would.</summary>
internal sealed class FixedTimeSampler(double firstS, double intervalS, int count, int dimension) : IStepObserver
{
    private int _next;

    public List<(double T, double[] Y)> Samples { get; } = [];

    public void OnStep(IDenseOutput step)
    {
        while (_next < count)
        {
            double t = firstS + _next * intervalS;
            if (t > step.EndTimeS)
            {
                return;
            }

            var y = new double[dimension];
            step.Interpolate(t, y);
            Samples.Add((t, y));
            _next++;
        }
    }
}

/// <summary>
/// y' = 1 + c·max(0, y − <see cref="KinkY"/>), c = <see cref="SlopeJump"/>: continuous, its slope in y jumping from 0 to c
/// at y = 1, as the drag's slope jumps at an atmosphere layer's base (there too the jump moves the solution by far more
/// than the tolerance over a step, and by far less than the solution itself). From y(0) = 0: y = t up to t = 1, then
/// 1 + (e^{c(t − 1)} − 1)/c.
/// </summary>
internal readonly struct Kinked : IOdeSystem
{
    public const double KinkY = 1, SlopeJump = 1e-3;

    public int Dimension => 1;

    public static double Exact(double t) => t <= 1 ? t : 1 + (Math.Exp(SlopeJump * (t - 1)) - 1) / SlopeJump;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = 1 + SlopeJump * Math.Max(0, y[0] - KinkY);
}
