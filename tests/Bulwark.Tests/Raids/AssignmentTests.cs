using Bulwark.Raids;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Raids;

/// <summary>The weapon–target assignment heuristic against the exhaustive optimum.</summary>
public class AssignmentTests(ITestOutputHelper output)
{
    /// <summary>
    /// 300 random small instances (2–4 missiles, 1–3 batteries, Pk 0.3–0.95, caps 0–3 with some pairs unable to engage,
    /// inventories 1–6, values 1–5, steps of 1 and of 2): the heuristic's expected value never exceeds the optimum (it
    /// must be feasible), respects every inventory and cap, and equals the optimum within 1e-9 on at least 95% of them;
    /// the largest relative gap is printed and must stay under 5% (docs/raids.md records the figure).
    /// </summary>
    [Fact]
    [ValidationCase(ValidationArea.Raids, "The weapon–target assignment heuristic against the exhaustive optimum",
        Source = "exhaustive enumeration of every assignment on 300 random small instances (seeded)",
        Tolerance = "at least 95% of instances at the optimum and no relative gap above 5%",
        Why = "the issue allows a heuristic if the largest gap is reported; both thresholds were fixed before the run")]
    public void HeuristicMatchesTheExhaustiveOptimumOnRandomSmallInstances()
    {
        var random = new Random(20260511);
        int instances = 300, exact = 0;
        double worstGap = 0;
        string worst = "";
        for (int k = 0; k < instances; k++)
        {
            int m = random.Next(2, 5), nb = random.Next(1, 4), step = k % 4 == 3 ? 2 : 1;
            var cap = new int[m, nb];
            for (int i = 0; i < m; i++)
            {
                for (int b = 0; b < nb; b++)
                {
                    cap[i, b] = random.NextDouble() < 0.25 ? 0 : step * random.Next(1, 4 / step + 1);
                }
            }

            var p = new AssignmentProblem(
                [.. Enumerable.Range(0, m).Select(_ => (double)random.Next(1, 6))],
                [.. Enumerable.Range(0, nb).Select(_ => 0.3 + 0.65 * random.NextDouble())],
                [.. Enumerable.Range(0, nb).Select(_ => random.Next(1, 7))],
                cap,
                step);
            int[,] h = Assignment.Heuristic(p);
            for (int b = 0; b < nb; b++)
            {
                int total = 0;
                for (int i = 0; i < m; i++)
                {
                    Assert.InRange(h[i, b], 0, cap[i, b]);
                    Assert.Equal(0, h[i, b] % step);
                    total += h[i, b];
                }

                Assert.True(total <= p.Inventory[b], $"instance {k}: battery {b} fires {total} of {p.Inventory[b]}");
            }

            double heuristic = p.ExpectedValue(h);
            var (_, optimum) = Assignment.Exhaustive(p);
            Assert.True(heuristic <= optimum + 1e-9, $"instance {k}: heuristic {heuristic} above the optimum {optimum}");
            double gap = optimum > 0 ? (optimum - heuristic) / optimum : 0;
            if (gap <= 1e-9)
            {
                exact++;
            }

            if (gap > worstGap)
            {
                (worstGap, worst) = (gap, $"instance {k}: {m} missiles, {nb} batteries, step {step}, heuristic {heuristic:F6}, optimum {optimum:F6}"
                    + $" values {string.Join(",", p.Values)} pk {string.Join(",", p.Pk.Select(x => x.ToString("F3")))} inv {string.Join(",", p.Inventory)} cap {string.Join(";", Enumerable.Range(0, m).Select(i => string.Join(",", Enumerable.Range(0, nb).Select(b => cap[i, b]))))}"
                    + $" h {string.Join(";", Enumerable.Range(0, m).Select(i => string.Join(",", Enumerable.Range(0, nb).Select(b => h[i, b]))))}"
                    + $" opt {string.Join(";", Enumerable.Range(0, m).Select(i => string.Join(",", Enumerable.Range(0, nb).Select(b => Assignment.Exhaustive(p).Assignment[i, b]))))}");
            }
        }

        output.WriteLine($"{exact} of {instances} instances at the optimum; largest relative gap {worstGap:P3} ({(worst.Length > 0 ? worst : "none")})");
        ValidationLog.Measured($"{exact} of {instances} instances at the optimum; largest relative gap {worstGap.ToString("P2", System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.True(exact >= 0.95 * instances, $"{exact} of {instances} at the optimum");
        Assert.True(worstGap < 0.05, $"largest gap {worstGap:P3}: {worst}");
    }

    /// <summary>
    /// The case plain greedy gets wrong: battery A (Pk 0.9) can engage missiles 1 and 2, battery B (Pk 0.5) only
    /// missile 1, one interceptor each. Greedy puts A on missile 1 first; the optimum is A on 2 and B on 1
    /// (0.9 + 0.5 = 1.4 against 0.9 + 0.5·0.1 = 0.95). The local search must find it.
    /// </summary>
    [Fact]
    public void LocalSearchRepairsGreedy()
    {
        var p = new AssignmentProblem([1, 1], [0.9, 0.5], [1, 1], new int[,] { { 1, 1 }, { 1, 0 } }, 1);
        int[,] h = Assignment.Heuristic(p);
        Assert.Equal(1.4, p.ExpectedValue(h), 12);
        Assert.Equal(1.4, Assignment.Exhaustive(p).Value, 12);
    }
}
