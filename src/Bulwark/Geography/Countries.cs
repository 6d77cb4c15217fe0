using System.Runtime.CompilerServices;
using Bulwark.Numerics;

namespace Bulwark.Geography;

/// <summary>
/// The world's countries and territories: Natural Earth admin-0 countries at 1:50m (version 4.1.0) as the npm package
/// world-atlas 2.0.2 (Mike Bostock) redistributes them in TopoJSON, embedded in this library.
/// </summary>
/// <remarks>
/// <para>
/// Data: Made with Natural Earth (public domain, naturalearthdata.com), via world-atlas by Mike Bostock (ISC licence);
/// <c>Geography/Data/README.md</c> tells how the files were made. world-atlas ids are ISO 3166-1 numeric codes; the
/// shipped table <c>country-codes.tsv</c> gives each of the 241 geometries its alpha-3 code (from the npm package
/// i18n-iso-countries 7.14.0, MIT; for the five geometries without an id and for Ashmore and Cartier Is., which shares
/// Australia's 036, the table names the code it uses and why).
/// </para>
/// <para>
/// The TopoJSON is decoded by our own small reader (<c>TopoJson.cs</c>): no TopoJSON package for .NET is served to this
/// build, and the format (delta-encoded quantized arcs shared between polygons) takes a page to read.
/// </para>
/// <para>
/// world-atlas stitches polygons across the antimeridian and around the poles for spherical rendering, so a ring can
/// jump from −180° to 180°. On loading, each ring is unwrapped to continuous longitudes (see <see cref="GeoRing"/>): a
/// ring that crosses the antimeridian runs past ±180°, a ring around a pole (Antarctica) is closed along the pole, and
/// rings that enclose nothing (a line along latitude −89.999°) are dropped. The largest ring of a polygon is its outer
/// ring. Point tests wrap the query longitude, so Russia and Fiji contain points on both sides of ±180°.
/// </para>
/// </remarks>
public static class Countries
{
    private const string BordersResource = "geography/countries-50m.json";
    private const string CodesResource = "geography/country-codes.tsv";

    private static readonly Lazy<Loaded> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConditionalWeakTable<GeoRing, Box> RingBoxes = [];

    /// <summary>Every country and territory of the layer (241), in the order of the source file.</summary>
    public static IReadOnlyList<Country> All => Data.Value.All;

    /// <summary>The country with this alpha-3 code (any case), or null.</summary>
    public static Country? ByIso3(string iso3) =>
        Data.Value.ByIso3.TryGetValue(iso3, out var country) ? country : null;

    /// <summary>The first country that contains the point, or null (at sea, or in Antarctica's waters).</summary>
    public static Country? At(double latDeg, double lonDeg)
    {
        foreach (var (country, box) in Data.Value.Boxes)
            if (box.MayContain(latDeg, lonDeg) && Contains(country, latDeg, lonDeg)) return country;
        return null;
    }

    /// <summary>
    /// Whether the point lies in one of the country's polygons and outside that polygon's holes (even–odd rule in
    /// longitude and latitude; a point exactly on a border may fall either side). Any longitude is accepted.
    /// </summary>
    public static bool Contains(Country country, double latDeg, double lonDeg)
    {
        foreach (var polygon in country.Polygons)
            if (Contains(polygon, latDeg, lonDeg)) return true;
        return false;
    }

    /// <summary>Whether the point lies inside the polygon's outer ring and outside its holes.</summary>
    public static bool Contains(GeoPolygon polygon, double latDeg, double lonDeg)
    {
        if (polygon.Rings.Count == 0 || !InRing(polygon.Rings[0], latDeg, lonDeg)) return false;
        for (int i = 1; i < polygon.Rings.Count; i++)
            if (InRing(polygon.Rings[i], latDeg, lonDeg)) return false;
        return true;
    }

    /// <summary>
    /// Area of the polygon on the WGS-84 ellipsoid, m²: the outer ring's less the holes', its edges taken as straight
    /// lines in longitude and latitude. Computed with the authalic latitude (Snyder 1987, eqs. 3-11 to 3-13); the only
    /// approximation is a five-point Gauss–Legendre rule along each slanted edge, good to about 10⁻¹² of the area.
    /// </summary>
    public static double AreaM2(GeoPolygon polygon)
    {
        if (polygon.Rings.Count == 0) return 0;
        double area = Math.Abs(EllipsoidArea.SignedRingAreaM2(polygon.Rings[0].Points));
        for (int i = 1; i < polygon.Rings.Count; i++)
            area -= Math.Abs(EllipsoidArea.SignedRingAreaM2(polygon.Rings[i].Points));
        return area;
    }

    /// <summary>Area of all the country's polygons on the WGS-84 ellipsoid, m² (see <see cref="AreaM2(GeoPolygon)"/>).</summary>
    public static double AreaM2(Country country)
    {
        double area = 0;
        foreach (var polygon in country.Polygons) area += AreaM2(polygon);
        return area;
    }

    // ------------------------------------------------------------------ point in ring

    private static bool InRing(GeoRing ring, double latDeg, double lonDeg)
    {
        var box = RingBoxes.GetValue(ring, r => Box.Of(r.Points));
        if (latDeg < box.MinLat || latDeg > box.MaxLat) return false;
        double lon = Angle.WrapLonDeg(lonDeg);      // [−180, 180)
        // A ring may run past ±180°: try the longitude one turn either way as well.
        for (int turns = -1; turns <= 1; turns++)
        {
            double shifted = lon + 360 * turns;
            if (shifted >= box.MinLon && shifted <= box.MaxLon && Crossings(ring.Points, latDeg, shifted)) return true;
        }
        return false;
    }

    /// <summary>Even–odd crossing test (W. R. Franklin's PNPOLY) in the longitude–latitude plane.</summary>
    private static bool Crossings(IReadOnlyList<(double LonDeg, double LatDeg)> points, double lat, double lon)
    {
        bool inside = false;
        int n = points.Count;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            var (xi, yi) = points[i];
            var (xj, yj) = points[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    private sealed record Box(double MinLon, double MaxLon, double MinLat, double MaxLat)
    {
        public static Box Of(IReadOnlyList<(double LonDeg, double LatDeg)> points)
        {
            double minLon = double.PositiveInfinity, maxLon = double.NegativeInfinity;
            double minLat = double.PositiveInfinity, maxLat = double.NegativeInfinity;
            foreach (var (lon, lat) in points)
            {
                minLon = Math.Min(minLon, lon);
                maxLon = Math.Max(maxLon, lon);
                minLat = Math.Min(minLat, lat);
                maxLat = Math.Max(maxLat, lat);
            }
            return new Box(minLon, maxLon, minLat, maxLat);
        }

        public Box Union(Box other) => new(
            Math.Min(MinLon, other.MinLon), Math.Max(MaxLon, other.MaxLon),
            Math.Min(MinLat, other.MinLat), Math.Max(MaxLat, other.MaxLat));

        public bool MayContain(double latDeg, double lonDeg)
        {
            if (latDeg < MinLat || latDeg > MaxLat) return false;
            if (MinLon <= -180 || MaxLon >= 180) return true;     // runs past the antimeridian
            double lon = Angle.WrapLonDeg(lonDeg);
            return lon >= MinLon && lon <= MaxLon;
        }
    }

    // ------------------------------------------------------------------ loading

    private sealed record Loaded(
        IReadOnlyList<Country> All, Dictionary<string, Country> ByIso3, IReadOnlyList<(Country Country, Box Box)> Boxes);

    private static Loaded Load()
    {
        var codes = ReadCodes(ReadResource(CodesResource));
        var geometries = TopoJson.ReadPolygons(ReadResource(BordersResource), "countries");

        var all = new List<Country>(geometries.Count);
        var byIso3 = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        var boxes = new List<(Country, Box)>(geometries.Count);
        foreach (var g in geometries)
        {
            var key = (g.Id ?? "", g.Name ?? "");
            if (!codes.TryGetValue(key, out var iso3))
                throw new InvalidDataException($"{CodesResource} has no code for id '{key.Item1}', name '{key.Item2}'");

            var polygons = new List<GeoPolygon>();
            foreach (var rawPolygon in g.Polygons)
                if (RingNormalizer.Polygon(rawPolygon) is { } polygon) polygons.Add(polygon);
            var country = new Country(iso3, g.Name ?? iso3, polygons);

            all.Add(country);
            if (!byIso3.TryAdd(iso3, country)) throw new InvalidDataException($"{CodesResource}: '{iso3}' is used twice");
            Box? box = null;
            foreach (var p in polygons)
            {
                var b = Box.Of(p.Outer.Points);
                box = box is null ? b : box.Union(b);
            }
            if (box is not null) boxes.Add((country, box));
        }
        return new Loaded(all, byIso3, boxes);
    }

    private static Dictionary<(string Id, string Name), string> ReadCodes(byte[] tsv)
    {
        var result = new Dictionary<(string, string), string>();
        using var reader = new StreamReader(new MemoryStream(tsv));
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }        // numeric, name, iso3, source
            var cells = line.Split('\t');
            if (cells.Length < 3) throw new InvalidDataException($"{CodesResource}: bad line '{line}'");
            result[(cells[0], cells[1])] = cells[2];
        }
        return result;
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
