using Bulwark.Integration;

namespace Bulwark.Tests.Integration;

public class RungeKutta4Tests
{
    [Fact]
    public void ExponentialDecayMatchesClosedForm()
    {
        Span<double> y = stackalloc double[1];
        RungeKutta4.Integrate(new Decay(), 0, [1.0], 2.0, 0.01, y);
        Assert.Equal(Math.Exp(-2.0), y[0], 1e-10);
    }

    [Fact]
    public void HalvingTheStepDividesTheGlobalErrorBySixteen()
    {
        double Error(double step)
        {
            Span<double> y = stackalloc double[2];
            RungeKutta4.Integrate(new Oscillator(), 0, [1.0, 0.0], 10.0, step, y);
            return Math.Sqrt(Math.Pow(y[0] - Math.Cos(10.0), 2) + Math.Pow(y[1] + Math.Sin(10.0), 2));
        }

        double ratio = Error(0.1) / Error(0.05);
        Assert.InRange(ratio, 14.0, 18.0);
        double ratio2 = Error(0.05) / Error(0.025);
        Assert.InRange(ratio2, 14.0, 18.0);
    }

    [Fact]
    public void LastStepIsShortenedToLandOnTheEnd()
    {
        // Ballistic motion is a quadratic in t, which RK4 integrates exactly: any error would come from the step grid.
        Span<double> y = stackalloc double[2];
        RungeKutta4.Integrate(new Ballistic(), 0, [100.0, 5.0], 1.05, 0.1, y);
        const double t = 1.05;
        Assert.Equal(100.0 + 5.0 * t - 0.5 * Ballistic.G * t * t, y[0], 1e-12);
        Assert.Equal(5.0 - Ballistic.G * t, y[1], 1e-12);
    }

    [Fact]
    public void ZeroLengthIntervalCopiesTheState()
    {
        Span<double> y = stackalloc double[2];
        RungeKutta4.Integrate(new Oscillator(), 3.0, [0.25, -0.5], 3.0, 0.1, y);
        Assert.Equal(0.25, y[0]);
        Assert.Equal(-0.5, y[1]);
    }
}
