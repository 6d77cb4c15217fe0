using Bulwark.Geography;

namespace Bulwark.Tests.Geography;

public class LatLonGridTests
{
    /// <summary>Area of a latitude band [lat0, lat1] × Δλ on WGS-84 by numerical integration of the ellipsoid's area element.</summary>
    private static double ZoneM2(double lat0Deg, double lat1Deg, double dLonDeg)
    {
        // dA = M(φ) N(φ) cos φ dφ dλ, M = a(1−e²)/(1−e² sin²φ)^{3/2}, N = a/(1−e² sin²φ)^{1/2}: Simpson with 2000 panels.
        double a = Bulwark.Earth.Wgs84.EquatorialRadiusM, f = Bulwark.Earth.Wgs84.Flattening, e2 = f * (2 - f);
        int n = 2000;
        double h = (lat1Deg - lat0Deg) * Math.PI / 180 / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double phi = lat0Deg * Math.PI / 180 + i * h, s2 = Math.Sin(phi) * Math.Sin(phi), w = 1 - e2 * s2;
            double g = a * (1 - e2) / Math.Pow(w, 1.5) * (a / Math.Sqrt(w)) * Math.Cos(phi);
            sum += g * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3 * dLonDeg * Math.PI / 180;
    }

    [Fact]
    public void CellsTileTheBoxAndTheirAreasAddUpToTheBoxOnTheEllipsoid()
    {
        // 27–82°N × 32°W–45°E at 0.7°: the last row and column are cut at the box's edge.
        var grid = new LatLonGrid(GeoBox.NatoEurope, 0.7);
        Assert.Equal((int)Math.Ceiling(55 / 0.7), grid.Rows);
        Assert.Equal((int)Math.Ceiling(77 / 0.7), grid.Columns);
        Assert.Equal(82, grid.Cells[^1].MaxLatDeg, 12);
        Assert.Equal(45, grid.Cells[^1].MaxLonDeg, 12);
        double expected = ZoneM2(27, 82, 77);
        Assert.Equal(expected, grid.Cells.Sum(c => c.AreaM2), expected * 1e-9);
        // One cell against the independent integral.
        GridCell cell = grid.Cells[grid.IndexOf(50.1, 10.1)];
        Assert.Equal(ZoneM2(cell.MinLatDeg, cell.MaxLatDeg, 0.7), cell.AreaM2, cell.AreaM2 * 1e-9);
    }

    [Fact]
    public void IndexOfFindsTheCellHoldingThePoint()
    {
        var grid = new LatLonGrid(new GeoBox(40, 10, 44, 16), 2);
        Assert.Equal(6, grid.Cells.Count);
        Assert.Equal(0, grid.IndexOf(40, 10));
        Assert.Equal(4, grid.IndexOf(43.9, 13));     // row 1, column 1
        Assert.Equal(5, grid.IndexOf(44, 16));       // the north-east corner belongs to the last cell
        Assert.Equal(-1, grid.IndexOf(39.99, 12));
        Assert.Equal(-1, grid.IndexOf(42, 16.01));
        var c = grid.Cells[4];
        Assert.Equal((43.0, 13.0), (c.CentreLatDeg, c.CentreLonDeg));
    }

    [Fact]
    public void RegionsParseAndBadOnesAreRejected()
    {
        Assert.Equal(GeoBox.NatoEurope, GeoBox.Parse("nato-europe"));
        Assert.Equal(new GeoBox(35, -10, 60, 30), GeoBox.Parse("35,-10,60,30"));
        Assert.Throws<Bulwark.InputException>(() => GeoBox.Parse("35,-10,60"));
        Assert.Throws<Bulwark.InputException>(() => GeoBox.Parse("60,-10,35,30"));
        Assert.Throws<Bulwark.InputException>(() => GeoBox.Parse("35,170,60,-170"));
    }
}
