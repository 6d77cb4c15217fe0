using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Tests.Flight.Targeting;

/// <summary>
/// A missile given another range (a sweep's <c>calibration.range_km</c>, docs/missiles.md "Another range"): its maximum
/// range due north from its calibration point moves in the ratio of the new figure to the written one, its burn times
/// stay, and at the written figure it is the catalog's missile.
/// </summary>
public class RangeScaledMissileTests
{
    private static readonly Geodetic Semnan = BulwarkCatalog.BuiltIn.Place("semnan").Position;

    private static BulwarkCatalog WithRange(string id, double rangeKm) =>
        BulwarkCatalog.BuiltIn.WithValues([(id, "calibration.range_km", rangeKm)], "a test");

    [Theory]
    [InlineData("sejjil-2", 2200, 2000)]
    [InlineData("sejjil-2", 2200, 2253)]
    [InlineData("sejjil-3", 3700, 3000)]
    public void TheMaximumRangeMovesInTheRatioOfTheFigures(string id, double writtenKm, double rangeKm)
    {
        var written = (StagedRocket)BulwarkCatalog.BuiltIn.Missile(id);
        var scaled = (StagedRocket)WithRange(id, rangeKm).Missile(id);
        double before = RangeScaledMissile.MaximumRangeDueNorthM(written, Semnan), after = RangeScaledMissile.MaximumRangeDueNorthM(scaled, Semnan);
        double expected = before * rangeKm / writtenKm;

        // The root-find stops within 1e-4 of the range (a few hundred metres at these ranges).
        Assert.True(Math.Abs(after / expected - 1) <= RangeScaledMissile.RelativeTolerance, $"{id}: {after / 1000:F1} km, expected {expected / 1000:F1} km");
        Assert.Equal(written.Stages.Select(s => s.BurnTimeS), scaled.Stages.Select(s => s.BurnTimeS));
        Assert.Equal(written.LaunchMassKg, scaled.LaunchMassKg);
        double factor = scaled.Stages[0].VacuumIspS / written.Stages[0].VacuumIspS;
        Assert.All(scaled.Stages.Zip(written.Stages), p => Assert.Equal(factor, p.First.VacuumIspS / p.Second.VacuumIspS, 12));
        Assert.True(rangeKm < writtenKm ? factor < 1 : factor > 1);
    }

    [Fact]
    public void AtTheWrittenFigureItIsTheCatalogsMissile() =>
        Assert.Equal(BulwarkCatalog.BuiltIn.Missile("sejjil-2"), WithRange("sejjil-2", 2200).Missile("sejjil-2"));

    [Fact]
    public void ARangeNoScalingReachesIsBadInput()
    {
        var e = Assert.Throws<InputException>(() => WithRange("sejjil-2", 20000).Missile("sejjil-2"));
        Assert.Contains("sejjil-2.calibration.range_km", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be scaled", e.Message, StringComparison.Ordinal);
    }
}
