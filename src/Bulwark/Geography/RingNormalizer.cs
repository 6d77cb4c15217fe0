using Bulwark.Numerics;

namespace Bulwark.Geography;

/// <summary>
/// Turns world-atlas rings, stitched for spherical rendering, into rings that are plain polygons in longitude and
/// latitude (see <see cref="GeoRing"/> and <see cref="Countries"/>).
/// </summary>
internal static class RingNormalizer
{
    /// <summary>A polygon from raw rings: each ring unwrapped, empty rings dropped, the largest ring first; null if none is left.</summary>
    public static GeoPolygon? Polygon(IReadOnlyList<(double X, double Y)[]> rawRings)
    {
        var rings = new List<((double LonDeg, double LatDeg)[] Points, double Area)>();
        foreach (var raw in rawRings)
        {
            if (Ring(raw) is not { } points) continue;
            double area = Math.Abs(PlanarArea(points));
            if (area > 1e-12) rings.Add((points, area));
        }
        if (rings.Count == 0) return null;
        int outer = 0;
        for (int i = 1; i < rings.Count; i++)
            if (rings[i].Area > rings[outer].Area) outer = i;
        var ordered = new List<GeoRing>(rings.Count) { new(rings[outer].Points) };
        for (int i = 0; i < rings.Count; i++)
            if (i != outer) ordered.Add(new GeoRing(rings[i].Points));
        return new GeoPolygon(ordered);
    }

    /// <summary>
    /// One ring with continuous longitudes: a jump of more than 180° between neighbours is taken as a crossing of the
    /// antimeridian. A ring that comes back to its start is shifted by whole turns to centre in [−180°, 180°); a ring
    /// that winds once round a pole is shifted to start its turn at −180° or less and closed along that pole.
    /// Null for fewer than three distinct points or a ring that lies on one parallel.
    /// </summary>
    public static (double LonDeg, double LatDeg)[]? Ring(IReadOnlyList<(double X, double Y)> raw)
    {
        if (raw.Count < 4) return null;
        double minLat = double.PositiveInfinity, maxLat = double.NegativeInfinity;
        foreach (var (_, y) in raw)
        {
            minLat = Math.Min(minLat, y);
            maxLat = Math.Max(maxLat, y);
        }
        if (maxLat - minLat < 1e-9) return null;

        var points = Unwrap(raw);
        double turn = points[^1].LonDeg - points[0].LonDeg;    // 0, or ±360 for a ring round a pole
        if (Math.Abs(turn) < 180)
        {
            // A closed ring (its end may differ from its start by rounding only): centre it in [−180°, 180°).
            points[^1] = points[0];
            var (minLon, maxLon) = LonRange(points);
            return Shifted(points, -360 * Math.Floor((0.5 * (minLon + maxLon) + 180) / 360));
        }

        // Round a pole: start the ring at the vertex nearest the antimeridian (world-atlas has one on it), so that its
        // turn runs from −180° to 180°, and close it along the pole nearer the ring.
        int n = raw.Count - 1;                                 // distinct vertices; raw[n] repeats raw[0]
        int k = 0;
        for (int i = 1; i < n; i++)
            if (Math.Abs(Wrap(raw[i].X)) > Math.Abs(Wrap(raw[k].X))) k = i;
        var rotated = new List<(double X, double Y)>(raw.Count);
        for (int i = 0; i <= n; i++) rotated.Add(raw[(k + i) % n]);
        points = Unwrap(rotated);
        double start = Math.Min(points[0].LonDeg, points[^1].LonDeg);
        double pole = minLat + maxLat > 0 ? 90 : -90;
        var (lastLon, _) = points[^1];
        var (firstLon, firstLat) = points[0];
        points.Add((lastLon, pole));
        points.Add((firstLon, pole));
        points.Add((firstLon, firstLat));
        return Shifted(points, -360 * Math.Round((start + 180) / 360));
    }

    private static List<(double LonDeg, double LatDeg)> Unwrap(IReadOnlyList<(double X, double Y)> raw)
    {
        var points = new List<(double LonDeg, double LatDeg)>(raw.Count + 3);
        double lon = Wrap(raw[0].X);
        points.Add((lon, raw[0].Y));
        for (int i = 1; i < raw.Count; i++)
        {
            double step = raw[i].X - raw[i - 1].X;
            lon += Angle.WrapDeg180(step);        // the step taken in [−180°, 180°]
            points.Add((lon, raw[i].Y));
        }
        return points;
    }

    /// <summary>A longitude in [−180°, 180°]; ±180° stay as they are.</summary>
    private static double Wrap(double lonDeg) => lonDeg is >= -180 and <= 180 ? lonDeg : Angle.WrapDeg180(lonDeg);

    private static (double Min, double Max) LonRange(List<(double LonDeg, double LatDeg)> points)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (x, _) in points)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        return (min, max);
    }

    private static (double LonDeg, double LatDeg)[] Shifted(List<(double LonDeg, double LatDeg)> points, double shiftDeg)
    {
        var result = new (double LonDeg, double LatDeg)[points.Count];
        for (int i = 0; i < result.Length; i++) result[i] = (points[i].LonDeg + shiftDeg, points[i].LatDeg);
        return result;
    }

    /// <summary>Shoelace area in square degrees (sign: positive clockwise on a north-up map).</summary>
    private static double PlanarArea(IReadOnlyList<(double LonDeg, double LatDeg)> points)
    {
        double sum = 0;
        for (int i = 1; i < points.Count; i++)
            sum += (points[i].LonDeg - points[i - 1].LonDeg) * (points[i].LatDeg + points[i - 1].LatDeg);
        return sum / 2;
    }
}
