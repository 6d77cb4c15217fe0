using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Analysis.Footprint;

public class CoverageTests
{
    private static readonly LatLonGrid Grid = new(GeoBox.NatoEurope, 1);

    /// <summary>Defended: every cell that meets the country's bounding box; everything else not threatened.</summary>
    private static Func<int, CellDefence> DefendedAround(string iso3)
    {
        var cells = CountryCells.Of(Grid, Countries.ByIso3(iso3)!).Select(x => Grid.Cells[x.Cell]).ToList();
        double minLat = cells.Min(c => c.MinLatDeg), maxLat = cells.Max(c => c.MaxLatDeg), minLon = cells.Min(c => c.MinLonDeg), maxLon = cells.Max(c => c.MaxLonDeg);
        return k =>
        {
            GridCell c = Grid.Cells[k];
            return c.MinLatDeg >= minLat && c.MaxLatDeg <= maxLat && c.MinLonDeg >= minLon && c.MaxLonDeg <= maxLon ? CellDefence.Defended : CellDefence.NotThreatened;
        };
    }

    [Theory]
    [InlineData("HUN")]
    [InlineData("DEU")]
    [InlineData("ISL")]
    [ValidationCase(ValidationArea.Analyses, "A country wholly inside a defended footprint reports 100%, one wholly outside 0%",
        Source = "definition (issue \"Analyses\" acceptance): area by clipping the country's polygons to the cells, population by its cities",
        Tolerance = "100% within 1e-6 (area) and 1e-9 (population); 0 exactly",
        Why = "the clipping is exact for cell edges straight in latitude and longitude: only rounding remains")]
    public void ACountryWhollyInsideTheDefendedAreaIs100PercentCoveredAndOneFarOutside0(string iso3)
    {
        var state = DefendedAround(iso3);
        CountryCoverage inside = Coverage.Of(Grid, state, iso3, member: true);
        Assert.Equal(100, inside.AreaDefendedPct, 1e-6);
        Assert.Equal(100, inside.AreaThreatenedPct, 1e-6);
        Assert.Equal(100, inside.AreaInRegionPct, 1e-6);
        Assert.Equal(100, inside.PopulationDefendedPct, 1e-9);
        Assert.Equal(Cities.TotalPopulation(iso3), inside.PopulationCount);

        CountryCoverage outside = Coverage.Of(Grid, state, "PRT", member: true);
        Assert.Equal(0, outside.AreaDefendedPct);
        Assert.Equal(0, outside.PopulationDefendedPct);
        ValidationLog.Measured(FormattableString.Invariant($"{iso3}: area {inside.AreaDefendedPct:0.000000}%, population {inside.PopulationDefendedPct:0.000000}%; PRT {outside.AreaDefendedPct}%"));
    }

    [Fact]
    public void TheUndefendedPartAndTheRestOfTheWorldCountAgainstTheWholeCountry()
    {
        // Everything in the region defended: Russia's share is its area west of 45°E (and south of 82°N) over its whole
        // area; the US, outside the region, 0.
        CountryCoverage rus = Coverage.Of(Grid, _ => CellDefence.Defended, "RUS", member: false);
        Assert.InRange(rus.AreaDefendedPct, 5, 30);
        Assert.Equal(rus.AreaInRegionPct, rus.AreaDefendedPct, 1e-9);
        Assert.InRange(rus.PopulationDefendedPct, 30, 90);    // most Russians live west of 45°E
        Assert.Equal(0, Coverage.Of(Grid, _ => CellDefence.Defended, "USA", member: true).AreaDefendedPct);
        // Threatened but undefended: threatened share 100, defended 0.
        CountryCoverage hun = Coverage.Of(Grid, _ => CellDefence.Undefended, "HUN", member: true);
        Assert.Equal((100.0, 0.0), (Math.Round(hun.AreaThreatenedPct, 6), hun.AreaDefendedPct));
    }

    [Fact]
    public void TheMembersAreThe28Of2010AndThe32Of2024()
    {
        var m2010 = NatoMembers.In(BulwarkCatalog.BuiltIn, 2010);
        var m2024 = NatoMembers.In(BulwarkCatalog.BuiltIn, 2024);
        Assert.Equal(28, m2010.Count);
        Assert.Equal(32, m2024.Count);
        Assert.Equal(["FIN", "MKD", "MNE", "SWE"], m2024.Except(m2010).Order());
        Assert.DoesNotContain("RUS", m2024);
        Assert.Contains("USA", m2010);
    }
}
