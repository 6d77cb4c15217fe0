using Bulwark.Sensing;
using CsCheck;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// The effective-Earth radar horizon and the σ^¼ range scaling against REFERENCES.md §2.3 and §2.4 (validation case V6;
/// the minimum-altitude rows for Kürecik and Gabala are also V5). Those tables are [DER]: computed on a sphere of
/// R = 6,371.0 km from d = kR·[acos(kR/(kR+h_r)) + acos(kR/(kR+h_t))], the same model as <see cref="RadarHorizon"/>, and
/// printed to the nearest km.
/// </summary>
public class RadarHorizonTests
{
    private const double K43 = 4.0 / 3.0;

    /// <summary>REFERENCES.md §2.3, first table: k, radar height (m), and the ground distance (km) for targets at 1, 10, 100, 300, 500, 1000 km.</summary>
    public static TheoryData<double, double, double, double, double, double, double, double> HorizonTable => new()
    {
        { 1, 0, 113, 357, 1121, 1918, 2445, 3357 },
        { 1, 2085, 276, 520, 1284, 2081, 2608, 3520 },
        { K43, 0, 130, 412, 1297, 2225, 2846, 3934 },
        { K43, 250, 196, 477, 1362, 2290, 2911, 3999 },
        { K43, 2085, 319, 600, 1485, 2413, 3034, 4122 },
    };

    [Theory]
    [MemberData(nameof(HorizonTable))]
    [ValidationCase(ValidationArea.ClosedForm, "Radar-horizon distances against the reference table",
        Source = "REFERENCES.md §2.3, first table (k = 1 and 4/3; radar at 0, 250 and 2,085 m; targets 1–1,000 km)",
        Tolerance = "1% of each entry",
        Why = "validation case V6's tolerance; the table is printed to the nearest km (rounding alone up to 0.44%)")]
    public void HorizonDistanceReproducesTheReferenceTable(double k, double radarHeightM, double d1, double d10, double d100, double d300, double d500, double d1000)
    {
        // Tolerance 1%: validation case V6's. The table is printed to the nearest km, so rounding alone is up to 0.5 km,
        // 0.44% of the smallest entry (113 km); anything beyond 1% would be a different model or constant.
        double[] targetKm = [1, 10, 100, 300, 500, 1000];
        double[] expectedKm = [d1, d10, d100, d300, d500, d1000];
        double worst = 0;
        for (int i = 0; i < targetKm.Length; i++)
        {
            double km = RadarHorizon.HorizonDistanceM(radarHeightM, targetKm[i] * 1000, k) / 1000;
            worst = Math.Max(worst, Math.Abs(km - expectedKm[i]) / expectedKm[i]);
            Assert.True(Math.Abs(km - expectedKm[i]) <= 0.01 * expectedKm[i],
                $"k = {k:0.###}, radar {radarHeightM} m, target {targetKm[i]} km: {km:0.0} km, REFERENCES §2.3 {expectedKm[i]} km");
        }

        ValidationLog.Measured(FormattableString.Invariant($"k = {k:0.###}, radar at {radarHeightM:0} m: largest difference {worst * 100:0.00}%"));
    }

    /// <summary>
    /// REFERENCES.md §2.3, second table: radar → target, ground distance (km), radar height (m) and the minimum visible
    /// altitude (km) for k = 1 and k = 4/3. Radar heights: Kürecik 2,085 m (Çat Tepe, §3.1), all others 0. Fylingdales is
    /// at 250 m (§3.1) and the first table uses that, but this table's Fylingdales → Kozelsk row (463 / 339 km) is what a
    /// radar at sea level gives: at 250 m the model gives 440 / 319 km. So REFERENCES assumed 0 m there, and so does this
    /// test; <see cref="FylingdalesAtItsTrue250MetresSeesLowerThanTheTableRow"/> checks the 250 m figure separately.
    /// </summary>
    public static TheoryData<string, double, double, double, double> MinimumAltitudeTable => new()
    {
        { "Kürecik → Semnan", 1475, 2085, 138, 98 },
        { "Gabala → Semnan", 824, 0, 54, 40 },
        { "Deveselu → Semnan", 2692, 0, 615, 445 },
        { "Redzikowo → Semnan", 3541, 0, 1129, 795 },
        { "Fylingdales → Kozelsk", 2359, 0, 463, 339 },
        { "Redzikowo → Kozelsk", 1225, 0, 120, 89 },
    };

    [Theory]
    [MemberData(nameof(MinimumAltitudeTable))]
    [ValidationCase(ValidationArea.ClosedForm, "Lowest visible altitude over a target against the reference table",
        Source = "REFERENCES.md §2.3, second table (Kürecik, Gabala, Deveselu, Redzikowo, Fylingdales to Semnan and Kozelsk)",
        Tolerance = "±2 km",
        Why = "V5's altitude tolerance; tighter than 1% above 200 km and loose enough for the table's rounding to the km")]
    public void MinimumVisibleHeightReproducesTheReferenceTable(string pair, double distanceKm, double radarHeightM, double expectedK1Km, double expectedK43Km)
    {
        // Tolerance ±2 km absolute: validation case V5's altitude tolerance. It is tighter than 1% for every row above
        // 200 km and loose enough for the table's rounding to the nearest km.
        double k1 = RadarHorizon.MinimumVisibleHeightM(radarHeightM, distanceKm * 1000, 1) / 1000;
        double k43 = RadarHorizon.MinimumVisibleHeightM(radarHeightM, distanceKm * 1000, K43) / 1000;
        Assert.True(Math.Abs(k1 - expectedK1Km) <= 2, $"{pair}, k = 1: {k1:0.0} km, REFERENCES §2.3 {expectedK1Km} km");
        Assert.True(Math.Abs(k43 - expectedK43Km) <= 2, $"{pair}, k = 4/3: {k43:0.0} km, REFERENCES §2.3 {expectedK43Km} km");
        ValidationLog.Measured(FormattableString.Invariant($"{pair}: {k1:0.0} / {k43:0.0} km (table {expectedK1Km} / {expectedK43Km})"));
    }

    [Fact]
    public void FylingdalesAtItsTrue250MetresSeesLowerThanTheTableRow()
    {
        // Same formula, radar at 250 m (REFERENCES §3.1): 440.0 km (k = 1) and 319.4 km (k = 4/3) at 2,359 km, computed by
        // hand from §2.3's formula; a higher radar sees lower. ±2 km as above.
        double k1 = RadarHorizon.MinimumVisibleHeightM(250, 2_359_000, 1) / 1000;
        double k43 = RadarHorizon.MinimumVisibleHeightM(250, 2_359_000, K43) / 1000;
        Assert.True(Math.Abs(k1 - 440.0) <= 2, $"k = 1: {k1:0.0} km");
        Assert.True(Math.Abs(k43 - 319.4) <= 2, $"k = 4/3: {k43:0.0} km");
        Assert.True(k1 < 463 - 2 && k43 < 339 - 2);
    }

    /// <summary>REFERENCES.md §2.4: R ∝ σ^¼; the range factor relative to σ = 1 m², printed to three decimals.</summary>
    [Theory]
    [InlineData(0.1, 0.562)]
    [InlineData(0.05, 0.473)]
    [InlineData(0.01, 0.316)]
    [InlineData(0.001, 0.178)]
    [ValidationCase(ValidationArea.ClosedForm, "Detection range scales as the fourth root of the radar cross-section",
        Source = "REFERENCES.md §2.4 (radar range equation: R ∝ σ^¼), factors printed to three decimals",
        Tolerance = "equal to the printed factor at three decimals; 1e-15 against σ^¼",
        Why = "the factors are printed to three decimals; the formula is exact")]
    public void RangeScalesAsTheFourthRootOfTheCrossSection(double rcsM2, double printedFactor)
    {
        // Exact to the printed precision: rounded to three decimals the factor must equal the printed one.
        double factor = RadarHorizon.ScaledRangeM(1, 1, rcsM2);
        Assert.Equal(printedFactor, Math.Round(factor, 3));
        Assert.Equal(Math.Pow(rcsM2, 0.25), factor, 1e-15);
        ValidationLog.Measured(FormattableString.Invariant($"σ = {rcsM2} m²: {factor:0.00000}"));
    }

    [Fact]
    public void FifteenHundredKilometresAtOneSquareMetreIs474AtOneHundredth()
    {
        // REFERENCES.md §2.4's example, printed to the nearest km: 1,500 × 0.01^¼ = 474.3 km.
        double km = RadarHorizon.ScaledRangeM(1_500_000, 1, 0.01) / 1000;
        Assert.Equal(474, Math.Round(km));

        // And back: the catalog's convention (1,500 km at 0.01 m²) is the same radar read the other way.
        Assert.Equal(1_500_000, RadarHorizon.ScaledRangeM(km * 1000, 0.01, 1), 1e-6);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(K43)]
    public void EffectiveElevationAtTheHorizonDistanceIsTheHorizonDip(double k)
    {
        // Consistency of the two forms of the same geometry. HorizonDistanceM is the ground distance along the ray that
        // grazes the (effective) Earth; EffectiveElevationRad is the elevation of the target at the radar. Where the two
        // meet, the target sits on the grazing ray, which leaves a radar at height h_r at the horizon dip
        // −acos(kR/(kR + h_r)) below its local horizontal: exactly 0 for a radar at sea level, −1.27° at k = 4/3 for
        // Kürecik's 2,085 m. Tolerance 1e-9 rad (rounding: about 1 cm at 10,000 km). A little nearer, the target is above
        // that ray; a little farther, below it. Central angle = ground distance / R.
        Gen.Select(Gen.Double[0, 5000], Gen.Double[1, 2_000_000]).Sample((radarM, targetM) =>
        {
            double kr = k * RadarHorizon.MeanEarthRadiusM;
            double dip = -Math.Acos(kr / (kr + radarM));
            double d = RadarHorizon.HorizonDistanceM(radarM, targetM, k);
            double angle = d / RadarHorizon.MeanEarthRadiusM;
            double el = RadarHorizon.EffectiveElevationRad(radarM, targetM, angle, k);
            Assert.True(Math.Abs(el - dip) < 1e-9, $"radar {radarM} m, target {targetM} m, d {d} m: elevation {el} rad, horizon dip {dip} rad");
            Assert.True(RadarHorizon.EffectiveElevationRad(radarM, targetM, angle * 0.999, k) > dip);
            Assert.True(RadarHorizon.EffectiveElevationRad(radarM, targetM, angle * 1.001, k) < dip);
        }, iter: 2000);

        // The sea-level case: 0 at the horizon distance.
        foreach (double targetM in new[] { 1e3, 1e4, 1e5, 3e5, 5e5, 1e6 })
        {
            double angle = RadarHorizon.HorizonDistanceM(0, targetM, k) / RadarHorizon.MeanEarthRadiusM;
            Assert.Equal(0, RadarHorizon.EffectiveElevationRad(0, targetM, angle, k), 1e-9);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(K43)]
    public void MinimumVisibleHeightInvertsHorizonDistance(double k)
    {
        // MinimumVisibleHeightM(h_r, HorizonDistanceM(h_r, h_t)) = h_t: the second table is the first one read backwards.
        // 1 mm: a few ulps of the radii involved.
        Gen.Select(Gen.Double[0, 5000], Gen.Double[1, 2_000_000]).Sample((radarM, targetM) =>
        {
            double d = RadarHorizon.HorizonDistanceM(radarM, targetM, k);
            Assert.Equal(targetM, RadarHorizon.MinimumVisibleHeightM(radarM, d, k), 1e-3);
        }, iter: 2000);

        // Inside the radar's own horizon everything down to the ground is seen.
        Assert.Equal(0, RadarHorizon.MinimumVisibleHeightM(2085, 0.5 * RadarHorizon.HorizonDistanceM(2085, 0, k), k));
    }
}
