using Bulwark.Geography;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Geography;

public class CountryCellsTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]       // cells not aligned with whole degrees
    public void ACountryWhollyInsideTheRegionIsApportionedToItsWholeArea(double stepDeg)
    {
        // Clipping is exact for edges straight in longitude and latitude, so the cells must add up to the polygon area
        // to rounding (1e-9): Luxembourg (inside one or two cells), Germany, Iceland (islands), Italy (holes: San Marino
        // and the Vatican), Norway (fjords, Svalbard).
        var grid = new LatLonGrid(GeoBox.NatoEurope, stepDeg);
        foreach (string iso3 in new[] { "LUX", "DEU", "ISL", "ITA", "NOR" })
        {
            Country country = Countries.ByIso3(iso3)!;
            double sum = CountryCells.Of(grid, country).Sum(x => x.AreaM2), area = Countries.AreaM2(country);
            Assert.True(Math.Abs(sum / area - 1) < 1e-9, $"{iso3} at {stepDeg}°: cells {sum / 1e6:F3} km², polygons {area / 1e6:F3} km²");
        }
    }

    [Fact]
    [ValidationCase(ValidationArea.Geodesy, "A country cut by the region gets only its part (Italy south of 42° N) against point sampling",
        Source = "independent estimate: 0.01° sub-cells tested with Countries.Contains",
        Tolerance = "1%",
        Why = "the sampling error, about the coastline's length times half a sub-cell (~1 km)")]
    public void APartlyInsideCountryGetsOnlyItsPartInTheRegion()
    {
        // Italy cut at 42°N: the cells hold the part south of it; an independent estimate counts 0.01° sub-cells.
        var grid = new LatLonGrid(new GeoBox(36, 6, 42, 19), 1);
        Country ita = Countries.ByIso3("ITA")!;
        double clipped = CountryCells.Of(grid, ita).Sum(x => x.AreaM2);
        double sampled = 0;
        const double d = 0.01;
        for (double lat = 36 + d / 2; lat < 42; lat += d)
        {
            double cellM2 = new LatLonGrid(new GeoBox(lat - d / 2, 0, lat + d / 2, d), d).Cells[0].AreaM2;
            for (double lon = 6 + d / 2; lon < 19; lon += d)
            {
                if (Countries.Contains(ita, lat, lon))
                {
                    sampled += cellM2;
                }
            }
        }

        // Sampling error: about the coastline length times half a sub-cell; 1% is ample at 0.01° (~1 km).
        Assert.True(Math.Abs(clipped / sampled - 1) < 0.01, $"clipped {clipped / 1e6:F0} km², sampled {sampled / 1e6:F0} km²");
        ValidationLog.Measured(FormattableString.Invariant($"clipped {clipped / 1e6:0} km², sampled {sampled / 1e6:0} km² ({(clipped / sampled - 1) * 100:+0.00;-0.00;0.00}%)"));
        Assert.True(clipped < 0.7 * Countries.AreaM2(ita));
        Assert.Empty(CountryCells.Of(grid, Countries.ByIso3("POL")!));
    }
}
