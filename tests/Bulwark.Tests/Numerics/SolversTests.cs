using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Numerics;

public class SolversTests
{
    [Fact]
    public void MaximiseFindsTheVertexOfAParabola()
    {
        // f(x) = h − k(x − c)² on [lo, hi] ∋ c is unimodal with its maximum h at c; golden section brackets it to the tolerance.
        // (Comparing values cannot place a smooth maximum closer than about √ε·scale ≈ 1e-8 here, where f(c ± δ) rounds to
        // f(c): the tolerance asked for is well above that.)
        Gen.Select(Gen.Double[-100, 100], Gen.Double[0.01, 50], Gen.Double[0.05, 0.95], Gen.Double[-5, 5]).Sample((lo, width, where, h) =>
        {
            double hi = lo + width, c = lo + where * width;
            var (x, f) = Solvers.Maximise(t => h - 3 * (t - c) * (t - c), lo, hi, 1e-6);
            Assert.True(Math.Abs(x - c) <= 1e-6, $"x = {x}, vertex {c}");
            Assert.Equal(h - 3 * (x - c) * (x - c), f);
        });
    }

    [Fact]
    public void MaximiseFindsTheTopOfASine()
    {
        var (x, f) = Solvers.Maximise(Math.Sin, 0, Math.PI, 1e-7);
        Assert.Equal(Math.PI / 2, x, 1e-7);
        Assert.Equal(1, f, 1e-15);
    }

    [Fact]
    public void MaximiseOfAMonotoneFunctionGoesToTheEnd()
    {
        var (up, _) = Solvers.Maximise(t => t, 2, 7, 1e-8);
        Assert.InRange(up, 7 - 1e-8, 7);
        var (down, _) = Solvers.Maximise(t => -Math.Exp(t), 2, 7, 1e-8);
        Assert.InRange(down, 2, 2 + 1e-8);
    }

    [Fact]
    public void MaximiseEvaluatesOncePerIteration()
    {
        // Golden section reuses one interior point each step: the bracket shrinks by 1/φ per evaluation, so reaching a
        // tolerance t from width w takes about log(w/t)/log(φ) + 2 evaluations (≈ 46 for 1 → 1e-9).
        int calls = 0;
        Solvers.Maximise(t => { calls++; return -t * t; }, -0.3, 0.7, 1e-9);
        Assert.InRange(calls, 40, 48);
    }

    [Fact]
    public void FindRootSolvesMonotoneFunctions()
    {
        // Monotone f with f(a)·f(b) < 0 has one root; Illinois regula falsi returns it to the x tolerance.
        double F(double x) => x * x * x - 2;
        Assert.Equal(Math.Cbrt(2), Solvers.FindRoot(F, 0, 2, F(0), F(2), 1e-13, 0), 1e-12);
        double G(double x) => 3 - Math.Exp(x);   // decreasing: the bracket's signs are the other way round
        Assert.Equal(Math.Log(3), Solvers.FindRoot(G, -1, 4, G(-1), G(4), 1e-13, 0), 1e-12);
        double H(double x) => Math.Atan(50 * (x - 0.3)); // nearly flat ends, steep middle: needs the bisection fallback
        Assert.Equal(0.3, Solvers.FindRoot(H, -20, 100, H(-20), H(100), 1e-13, 0), 1e-12);
    }

    [Fact]
    public void FindRootOnRandomCubics()
    {
        // f(x) = (x − r)·(1 + (x − r)²)·s is strictly monotone with its only root at r.
        Gen.Select(Gen.Double[-50, 50], Gen.Double[0.1, 30], Gen.Double[0.1, 30], Gen.OneOf(Gen.Const(1.0), Gen.Const(-1.0))).Sample((r, left, right, s) =>
        {
            double F(double x) => s * (x - r) * (1 + (x - r) * (x - r));
            double a = r - left, b = r + right;
            double x = Solvers.FindRoot(F, a, b, F(a), F(b), 1e-10, 0);
            Assert.True(Math.Abs(x - r) <= 1e-9, $"root {r}, found {x}");
        });
    }

    [Fact]
    public void FindRootStopsAtTheFunctionTolerance()
    {
        double x = Solvers.FindRoot(t => t - 1, 0, 10, -1, 9, 0, 1e-3);
        Assert.True(Math.Abs(x - 1) <= 1e-3);
    }

    [Fact]
    public void FindRootReturnsAnEndPointThatIsARoot()
    {
        Assert.Equal(2, Solvers.FindRoot(_ => throw new InvalidOperationException("not called"), 2, 5, 0, 3, 1e-9, 0));
        Assert.Equal(5, Solvers.FindRoot(_ => throw new InvalidOperationException("not called"), 2, 5, -3, 0, 1e-9, 0));
    }

    [Fact]
    public void FindRootRejectsAnUnbracketedInterval()
    {
        double F(double x) => x * x + 1;
        var e = Assert.Throws<ArgumentException>(() => Solvers.FindRoot(F, -1, 2, F(-1), F(2), 1e-9, 0));
        Assert.Contains("not bracketed", e.Message);
        Assert.Throws<ArgumentException>(() => Solvers.FindRoot(x => -F(x), -1, 2, -F(-1), -F(2), 1e-9, 0));
    }
}
