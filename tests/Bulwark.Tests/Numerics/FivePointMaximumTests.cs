using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Numerics;

public class FivePointMaximumTests
{
    private static double[] Samples(Func<double, double> f) => [f(-2), f(-1), f(0), f(1), f(2)];

    [Fact]
    public void ACubicsMaximumIsFoundExactly()
    {
        // Five samples of a cubic are fitted exactly, so the fit's maximum is the cubic's: for y = h − k(u − m)² + d(u − m)³
        // the stationary points are m and m + 2k/(3d); the maximum is m (second derivative −2k < 0 there).
        Gen.Select(Gen.Double[-1, 1], Gen.Double[0.1, 10], Gen.Double[-0.05, 0.05], Gen.Double[-1e3, 1e3]).Sample((m, k, d, h) =>
        {
            double? u = FivePointMaximum.Offset(Samples(x => h - k * (x - m) * (x - m) + d * k * Math.Pow(x - m, 3)));
            Assert.NotNull(u);
            Assert.True(Math.Abs(u.Value - m) <= 1e-9 * (1 + Math.Abs(h) / k), $"u = {u}, maximum at {m}");
        });
    }

    [Fact]
    public void AParabolasVertexIsFound()
    {
        Assert.Equal(0.3, FivePointMaximum.Offset(Samples(x => 7 - 2 * (x - 0.3) * (x - 0.3)))!.Value, 1e-12);
    }

    [Fact]
    public void NoiseMovesTheMaximumByLessThanNoiseOverCurvature()
    {
        // A least-squares fit: noise ε on samples of curvature k moves the maximum by about ε/k, not the √(ε/k) of
        // comparing values. Here ε = 1e-3, k = 1: the offset stays within a few 1e-3.
        var rng = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            double m = rng.NextDouble() - 0.5;
            double[] y = Samples(x => -(x - m) * (x - m) + 1e-3 * (2 * rng.NextDouble() - 1));
            Assert.InRange(FivePointMaximum.Offset(y)!.Value, m - 3e-3, m + 3e-3);
        }
    }

    [Fact]
    public void AConvexOrFlatFitHasNoMaximum()
    {
        Assert.Null(FivePointMaximum.Offset(Samples(x => x * x)));
        Assert.Null(FivePointMaximum.Offset(Samples(_ => 4)));
        Assert.Throws<ArgumentException>(() => FivePointMaximum.Offset([1, 2, 3]));
    }
}
