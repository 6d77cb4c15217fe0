namespace Bulwark.Geography;

/// <summary>A country or territory of Natural Earth's admin-0 layer (see <see cref="Countries"/>).</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code; the few territories without one carry the code named in
/// <c>Geography/Data/country-codes.tsv</c> (e.g. <c>XKX</c> for Kosovo, Natural Earth's <c>SOL</c> for Somaliland)</param>
/// <param name="Name">short English name as world-atlas gives it (e.g. "Bosnia and Herz.")</param>
/// <param name="Polygons">the country's parts: mainland, islands, exclaves</param>
public sealed record Country(string Iso3, string Name, IReadOnlyList<GeoPolygon> Polygons);

/// <summary>A polygon on the ellipsoid: an outer ring and any holes.</summary>
/// <param name="Rings">the outer ring first, then the holes (e.g. South Africa's hole where Lesotho is)</param>
public sealed record GeoPolygon(IReadOnlyList<GeoRing> Rings)
{
    /// <summary>The outer ring.</summary>
    public GeoRing Outer => Rings[0];
}

/// <summary>
/// A closed ring of longitude–latitude vertices in degrees (the last point repeats the first). Edges are straight lines
/// in longitude and latitude, as Natural Earth draws them.
/// </summary>
/// <remarks>
/// Longitudes are continuous along a ring: a ring that crosses the antimeridian runs past ±180° (Chukotka reaches
/// about 190.3°E) rather than jumping, so it can be drawn and measured as it is. A ring around a pole (Antarctica's
/// coast) spans exactly 360° of longitude from −180° and is closed along the pole (latitude ±90°).
/// </remarks>
/// <param name="Points">vertices (LonDeg, LatDeg), closed</param>
public sealed record GeoRing(IReadOnlyList<(double LonDeg, double LatDeg)> Points);
