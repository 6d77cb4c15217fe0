using Bulwark.Sweeps;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// Bands, swings and flips on the synthetic model margin = 2a − b (covered when positive), whose answers are worked by
/// hand in each test.
/// </summary>
public sealed class SweepStatisticsTests : IDisposable
{
    private readonly string _folder = TempFolder();
    private readonly RunStore _store;
    private readonly SweepDesign _oat = SweepDesign.OneAtATime("study", "v1", Inputs);
    private readonly IReadOnlyList<RunRow> _rows;

    public SweepStatisticsTests()
    {
        _store = new RunStore(Path.Combine(_folder, "runs.db"));
        _rows = new SweepRunner(_store).RunAll(_oat, Model).Rows;
    }

    public void Dispose()
    {
        _store.Dispose();
        Delete(_folder);
    }

    [Fact]
    public void PercentilesInterpolateLinearlyAsRAndNumPyDo()
    {
        // numpy.percentile(range(1, 11), [5, 95]) = [1.45, 9.55]; R quantile(1:10, c(.05, .95), type = 7) likewise.
        double[] v = [.. Enumerable.Range(1, 10).Select(i => (double)i)];
        Band b = Band.Of("x", v.Reverse(), nominal: 5);
        Assert.Equal((1, 10, 10, 0, 5), (b.Min, b.Max, b.Count, b.Missing, b.Nominal));
        Assert.Equal(1.45, b.P5, 12);
        Assert.Equal(9.55, b.P95, 12);
        Assert.Equal(7, Band.Percentile([7], 0.95));
        Assert.Equal(2.5, Band.Percentile([1, 4], 0.5));
    }

    [Fact]
    public void NaNRunsAreLeftOutAndCounted()
    {
        Band b = Band.Of("x", [double.NaN, 3, 1, double.NaN, 2]);
        Assert.Equal((3, 2, 1.0, 3.0), (b.Count, b.Missing, b.Min, b.Max));
        Assert.True(double.IsNaN(b.Nominal));
        Band none = Band.Of("x", [double.NaN]);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.P5));
    }

    [Fact]
    public void ABandOverSampleRowsHoldsTheNominal()
    {
        var sample = SweepDesign.LatinHypercube("study", "v1", Inputs, 200, 9);
        var rows = new SweepRunner(_store, 2).RunAll(sample, Model).Rows;
        Band b = Band.Of("margin", rows, _rows[0]);
        // margin = 2a − b over a ∈ [2, 5], b ∈ [6, 9]: within [−5, 4]; 200 runs spread over most of it.
        double[] margins = [.. rows.Select(r => r.Outcomes["margin"].Value)];
        Assert.Equal((margins.Min(), margins.Max(), 200), (b.Min, b.Max, b.Count));
        Assert.InRange(b.Min, -5, -3);
        Assert.InRange(b.Max, 3, 4);
        Assert.True(b.Min <= b.P5 && b.P5 < b.P95 && b.P95 <= b.Max);
        Assert.Equal(1.6, b.Nominal, 12);
        double share = Band.YesShare("covered", [.. rows]);
        Assert.InRange(share, 0.2, 0.6);
    }

    [Fact]
    public void SwingsAreRankedByHandValuesWithTiesByName()
    {
        // a: 2·5 − 6.4 − (2·2 − 6.4) = 6; b: (8 − 6) − (8 − 9) = 3; c moves nothing (0).
        Tornado t = Tornado.Of(_oat, _rows, "margin");
        Assert.Equal(1.6, t.Nominal, 12);
        Assert.Equal(["a", "b", "c"], t.Bars.Select(b => b.Input));
        Assert.Equal([6, 3, 0], t.Bars.Select(b => Math.Round(b.Swing, 12)));
        Assert.Equal((-2.4, 3.6), (Math.Round(t.Bars[0].AtLow, 12), Math.Round(t.Bars[0].AtHigh, 12)));

        // Two inputs that move nothing tie at zero and are ranked by name.
        var tie = SweepDesign.OneAtATime("study", "v1", [new UncertainInput("z", "", 1, 0, 2), new UncertainInput("c", "", 1, 0, 2), A, B]);
        var rows = new SweepRunner(_store).RunAll(tie, x => new Outcomes().Number("margin", 2 * x["a"] - x["b"])).Rows;
        Assert.Equal(["a", "b", "c", "z"], Tornado.Of(tie, rows, "margin").Bars.Select(b => b.Input));
    }

    [Fact]
    public void FlipsFindTheInputsAndTheValuesWhereTheAnswerChanges()
    {
        // Covered at nominal (1.6 > 0). a low (2): 4 − 6.4 < 0, flips; the margin is linear in a, so the estimate is
        // exact: 2a = 6.4, a = 3.2. b high (9): 8 − 9 < 0, flips at b = 8. a high, b low and c never flip.
        FlipReport r = Flips.Of(_oat, _rows, "covered", number: "margin", threshold: 0);
        Assert.True(r.NominalAnswer);
        Assert.Equal([("a", FlipSide.Low), ("b", FlipSide.High)], r.Flips.Select(f => (f.Input, f.Side)));
        Assert.Equal(3.2, r.Flips[0].EstimatedValue!.Value, 12);
        Assert.Equal(8, r.Flips[1].EstimatedValue!.Value, 12);
        Assert.All(r.Flips, f => Assert.False(f.AnswerAtSide));
        Assert.Equal("no beyond a = 3.2 m/s (linear estimate between nominal 4 and low 2)", r.Flips[0].Description);

        // Without the underlying number, only the bracket is known.
        FlipReport bare = Flips.Of(_oat, _rows, "covered");
        Assert.Null(bare.Flips[0].EstimatedValue);
        Assert.Equal("no at a = 2 m/s (low); changes between nominal 4 and 2", bare.Flips[0].Description);
        Assert.Throws<InvalidOperationException>(() => Flips.Of(_oat, _rows, "margin"));
    }

    [Fact]
    public void BisectionRefinesAFlipToTheTolerance()
    {
        // covered(a) = 2a − 6.4 > 0 changes at a = 3.2: from [2, 4], 2 end calls + ⌈log2(2 / 1e-9)⌉ = 31 halvings.
        FlipBracket f = Flips.Bisect(a => 2 * a - 6.4 > 0, 4, 2, 1e-9);
        Assert.True(f.AnswerAtFrom);
        Assert.InRange(f.Value, 3.2 - 1e-9, 3.2 + 1e-9);
        Assert.True(Math.Abs(f.To - f.From) <= 1e-9);
        Assert.Equal(33, f.Evaluations);
        Assert.Throws<ArgumentException>(() => Flips.Bisect(a => a > 10, 2, 4, 1e-6));
        Assert.Throws<InvalidOperationException>(() => Flips.Bisect(a => a > 3, 2, 4, 1e-9, maxEvaluations: 10));
    }

    [Fact]
    public void SwingsAndFlipsNeedAOneAtATimeDesignWithAllItsRuns()
    {
        var sample = SweepDesign.LatinHypercube("study", "v1", Inputs, 5, 1);
        Assert.Throws<ArgumentException>(() => Tornado.Of(sample, _rows, "margin"));
        Assert.Throws<ArgumentException>(() => Tornado.Of(_oat, [.. _rows.Skip(1)], "margin"));
    }
}
