using System.Collections.Concurrent;

namespace Bulwark.Geography;

/// <summary>
/// A country's area in each cell of a <see cref="LatLonGrid"/>, by clipping its polygons to the cells: exact for the
/// borders as drawn, because Natural Earth's edges and the cells' sides are both straight lines in longitude and latitude.
/// </summary>
/// <remarks>
/// Each ring is clipped to a row's latitude band, then the band's piece to each column (Sutherland–Hodgman against the
/// four sides), and the piece's area is taken on the ellipsoid (<see cref="EllipsoidArea"/>): holes subtract. For a
/// concave ring the clipped piece can run along a cell side twice, which adds no area. Rings that run past ±180° are
/// tried one turn east and west as well. The sum over the cells is the area of the country inside the box; for a country
/// wholly inside, it equals <see cref="Countries.AreaM2(Country)"/> to rounding (tested).
/// </remarks>
public static class CountryCells
{
    private static readonly ConcurrentDictionary<(GeoBox Box, double StepDeg, string Iso3), Lazy<IReadOnlyList<(int Cell, double AreaM2)>>> Cache = new();

    /// <summary>The cells the country has area in, with that area (m²), in cell order; cached per grid and country.</summary>
    public static IReadOnlyList<(int Cell, double AreaM2)> Of(LatLonGrid grid, Country country) =>
        Cache.GetOrAdd((grid.Box, grid.StepDeg, country.Iso3), _ => new Lazy<IReadOnlyList<(int, double)>>(() => Compute(grid, country))).Value;

    private static IReadOnlyList<(int Cell, double AreaM2)> Compute(LatLonGrid grid, Country country)
    {
        var area = new double[grid.Cells.Count];
        foreach (GeoPolygon polygon in country.Polygons)
        {
            for (int k = 0; k < polygon.Rings.Count; k++)
            {
                double sign = k == 0 ? 1 : -1;
                foreach (int turn in new[] { 0, -360, 360 })
                {
                    var ring = turn == 0 ? polygon.Rings[k].Points : [.. polygon.Rings[k].Points.Select(p => (p.LonDeg + turn, p.LatDeg))];
                    AddRing(grid, ring, sign, area);
                }
            }
        }

        var result = new List<(int, double)>();
        for (int i = 0; i < area.Length; i++)
        {
            if (area[i] > 0)
            {
                result.Add((i, area[i]));
            }
        }

        return result;
    }

    private static void AddRing(LatLonGrid grid, IReadOnlyList<(double LonDeg, double LatDeg)> ring, double sign, double[] area)
    {
        double minLon = ring.Min(p => p.LonDeg), maxLon = ring.Max(p => p.LonDeg);
        double minLat = ring.Min(p => p.LatDeg), maxLat = ring.Max(p => p.LatDeg);
        GeoBox box = grid.Box;
        if (maxLon <= box.MinLonDeg || minLon >= box.MaxLonDeg || maxLat <= box.MinLatDeg || minLat >= box.MaxLatDeg)
        {
            return;
        }

        int r0 = Math.Max(0, (int)Math.Floor((minLat - box.MinLatDeg) / grid.StepDeg));
        int r1 = Math.Min(grid.Rows - 1, (int)Math.Floor((maxLat - box.MinLatDeg) / grid.StepDeg));
        int c0 = Math.Max(0, (int)Math.Floor((minLon - box.MinLonDeg) / grid.StepDeg));
        int c1 = Math.Min(grid.Columns - 1, (int)Math.Floor((maxLon - box.MinLonDeg) / grid.StepDeg));
        for (int r = r0; r <= r1; r++)
        {
            GridCell first = grid.Cells[r * grid.Columns];
            var band = Clip(Clip(ring, first.MinLatDeg, lat: true, keepAbove: true), first.MaxLatDeg, lat: true, keepAbove: false);
            if (band.Count < 3)
            {
                continue;
            }

            for (int c = c0; c <= c1; c++)
            {
                GridCell cell = grid.Cells[r * grid.Columns + c];
                var piece = Clip(Clip(band, cell.MinLonDeg, lat: false, keepAbove: true), cell.MaxLonDeg, lat: false, keepAbove: false);
                if (piece.Count >= 3)
                {
                    area[cell.Index] += sign * Math.Abs(EllipsoidArea.SignedRingAreaM2(piece));
                }
            }
        }
    }

    /// <summary>Sutherland–Hodgman against one axis-parallel line: keeps the side at or above (or below) <paramref name="at"/>.</summary>
    private static List<(double LonDeg, double LatDeg)> Clip(IReadOnlyList<(double LonDeg, double LatDeg)> ring, double at, bool lat, bool keepAbove)
    {
        var output = new List<(double, double)>(ring.Count);
        int n = ring.Count;
        if (n == 0)
        {
            return output;
        }

        bool Inside((double LonDeg, double LatDeg) p) => keepAbove ? (lat ? p.LatDeg : p.LonDeg) >= at : (lat ? p.LatDeg : p.LonDeg) <= at;
        var prev = ring[n - 1];
        bool prevIn = Inside(prev);
        for (int i = 0; i < n; i++)
        {
            var cur = ring[i];
            bool curIn = Inside(cur);
            if (curIn != prevIn)
            {
                double a = lat ? prev.LatDeg : prev.LonDeg, b = lat ? cur.LatDeg : cur.LonDeg;
                double t = (at - a) / (b - a);
                output.Add(lat ? (prev.LonDeg + t * (cur.LonDeg - prev.LonDeg), at) : (at, prev.LatDeg + t * (cur.LatDeg - prev.LatDeg)));
            }

            if (curIn)
            {
                output.Add(cur);
            }

            (prev, prevIn) = (cur, curIn);
        }

        return output;
    }
}
