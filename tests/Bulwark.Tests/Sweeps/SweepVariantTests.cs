using Bulwark.Sweeps;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// Variants (categorical inputs) in the engine, on a synthetic model worked by hand: a launch place adds an offset to
/// margin = 2a − b (here 0, north −2, south +1, far −5 for levels 0 to 3; nominal "here"), so "covered" (margin &gt; 0,
/// 1.6 at nominal) flips at "north" and "far" and nowhere else.
/// </summary>
public sealed class SweepVariantTests : IDisposable
{
    private static readonly double[] Offsets = [0, -2, 1, -5];
    private static readonly UncertainInput Place = UncertainInput.Variant("place", ["here", "north", "south", "far"], 0, "test levels");

    private readonly string _folder = TempFolder();
    private readonly RunStore _store;
    private readonly SweepDesign _oat = SweepDesign.OneAtATime("study", "v1", [A, Place]);
    private readonly IReadOnlyList<RunRow> _rows;

    public SweepVariantTests()
    {
        _store = new RunStore(Path.Combine(_folder, "runs.db"));
        _rows = new SweepRunner(_store).RunAll(_oat, VariantModel).Rows;
    }

    public void Dispose()
    {
        _store.Dispose();
        Delete(_folder);
    }

    private static Outcomes VariantModel(InputSet x)
    {
        double margin = 2 * x["a"] - 6.4 + Offsets[(int)x["place"]];
        return new Outcomes().Number("margin", margin).YesNo("covered", margin > 0);
    }

    [Fact]
    public void AVariantIsCheckedAndNamesItsLevels()
    {
        Assert.True(Place.IsVariant);
        Assert.Equal((0, 3, 0), (Place.Low, Place.High, Place.Nominal));
        Assert.Equal("south", Place.LevelOf(2));
        Assert.False(A.IsVariant);
        Assert.Throws<ArgumentException>(() => UncertainInput.Variant("v", ["only"], 0));
        Assert.Throws<ArgumentException>(() => UncertainInput.Variant("v", ["x", "x"], 0));
        Assert.Throws<ArgumentException>(() => UncertainInput.Variant("v", ["x", "y"], 2));
        Assert.Throws<ArgumentException>(() => new UncertainInput("v", "", 0.5, 0, 1, Levels: ["x", "y"]));
        Assert.Throws<ArgumentException>(() => new UncertainInput("v", "", 0, 0, 1, InputDistribution.Triangular, Levels: ["x", "y"]));
    }

    [Fact]
    public void OneAtATimeRunsEachOtherLevelOnceAfterTheNumbers()
    {
        // Nominal; a low, a high; then place at north, south and far (levels 1, 2, 3), a nominal.
        Assert.Equal(6, _oat.Runs.Count);
        Assert.Equal([RunRole.Nominal, RunRole.Low, RunRole.High, RunRole.Variant, RunRole.Variant, RunRole.Variant], _oat.Runs.Select(r => r.Role));
        Assert.Equal([1, 2, 3], _oat.Runs.Skip(3).Select(r => r.Inputs["place"]));
        Assert.All(_oat.Runs.Skip(3), r => Assert.Equal(("place", 4.0), (r.Varied, r.Inputs["a"])));
        Assert.Equal([1, 2], _oat.RunsVarying("a").Select(r => r.Ordinal));
        Assert.Equal(6, _oat.Runs.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void ASampleDrawsEachLevelInEqualNumbers()
    {
        // Twelve strata over four levels: each level three times, and only whole level indices.
        var d = SweepDesign.LatinHypercube("study", "v1", [A, Place], 12, seed: 3);
        var levels = d.Runs.Select(r => r.Inputs["place"]).ToList();
        Assert.All(levels, v => Assert.Equal(Math.Floor(v), v));
        Assert.Equal([3, 3, 3, 3], levels.GroupBy(v => v).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void AVariantsBarSpansItsLeastAndMostLevelWithTheirNames()
    {
        // margin at nominal 1.6; north −0.4, south 2.6, far −3.4: the bar runs from far (−3.4) to south (2.6), swing 6;
        // a's swing is 2·(5 − 2) = 6 too, so the tie is ranked by name: a, then place.
        Tornado t = Tornado.Of(_oat, _rows, "margin");
        Assert.Equal(["a", "place"], t.Bars.Select(b => b.Input));
        SwingBar place = t.Bars[1];
        Assert.Equal((-3.4, 2.6), (Math.Round(place.AtLow, 12), Math.Round(place.AtHigh, 12)));
        Assert.Equal(("far", "south"), (place.LowLevel, place.HighLevel));
        Assert.Equal((3.0, 2.0), (place.LowInput, place.HighInput));
        Assert.Null(t.Bars[0].LowLevel);
    }

    [Fact]
    public void AVariantFlipsAtEachLevelThatAnswersOtherwise()
    {
        FlipReport r = Flips.Of(_oat, _rows, "covered");
        Assert.True(r.NominalAnswer);
        var levels = r.Flips.Where(f => f.Input == "place").ToList();
        Assert.Equal(["north", "far"], levels.Select(f => f.Level));
        Assert.All(levels, f => Assert.Equal((FlipSide.Level, false, "here"), (f.Side, f.AnswerAtSide, f.NominalLevel)));
        Assert.Equal("no at place = north (nominal here)", levels[0].Description);

        // a low (2) gives 4 − 6.4 < 0 too: a number's flip beside the variant's.
        Assert.Equal([("a", FlipSide.Low)], r.Flips.Where(f => f.Input == "a").Select(f => (f.Input, f.Side)));
    }
}
