using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Geography;
using Bulwark.Output.Maps;

namespace Bulwark.Output;

/// <summary>
/// A footprint's files: <c>footprint.json</c> (DESIGN §7 keys and more), the raster as CSV (one row per cell) and as an
/// ESRI ASCII grid, the defended area as GeoJSON polygons, and a PNG map. <see cref="Files"/> gives them all for
/// <see cref="OutputDirectory.WriteAll(string, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, byte[]})"/>.
/// </summary>
public static class FootprintExport
{
    /// <summary>Every file, by name; <paramref name="prefix"/> starts each name (e.g. "footprint").</summary>
    public static (Dictionary<string, string> Texts, Dictionary<string, byte[]> Binaries) Files(FootprintResult r, string prefix = "footprint") =>
        (new Dictionary<string, string>
        {
            [$"{prefix}.json"] = Json(r),
            [$"{prefix}-cells.csv"] = CellsCsv(r),
            [$"{prefix}-defended.asc"] = AsciiGrid(r),
            [$"{prefix}-defended.geojson"] = GeoJson(r),
        },
        new Dictionary<string, byte[]> { [$"{prefix}.png"] = Png(r) });

    /// <summary>The footprint as JSON: <c>architecture</c>, <c>missile</c>, <c>launch</c>, <c>cells</c>, <c>defended_cells</c>, <c>defended_area_km2</c>, <c>countries[]</c>, and the grid, the threatened area and the counts by state.</summary>
    public static string Json(FootprintResult r) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("architecture", r.Architecture.Id);
        w.WriteString("missile", r.Threat.MissileId);
        w.WriteString("earth", WorldText.Of(r.Threat.Context.Environment));
        w.WriteStartArray("launch");
        foreach (var p in r.Threat.Launches)
        {
            w.WriteStartObject();
            w.WriteString("place", p.Id);
            w.WriteNumber("lat_deg", Rounding.LatLon(p.Position.LatitudeDeg));
            w.WriteNumber("lon_deg", Rounding.LatLon(p.Position.LongitudeDeg));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("cells", r.Cells.Count);
        w.WriteNumber("evaluated_cells", r.EvaluatedCells);
        w.WriteNumber("defended_cells", r.DefendedCells);
        w.WriteNumber("defended_area_km2", Rounding.Whole(r.DefendedAreaKm2));
        w.WriteNumber("threatened_cells", r.ThreatenedCells);
        w.WriteNumber("threatened_area_km2", Rounding.Whole(r.ThreatenedAreaKm2));
        w.WriteNumber("not_threatened_cells", r.Cells.Count - r.ThreatenedCells);
        w.WriteNumber("region_area_km2", Rounding.Whole(r.RegionAreaKm2));
        w.WriteStartObject("grid");
        w.WriteNumber("min_lat_deg", r.Grid.Box.MinLatDeg);
        w.WriteNumber("min_lon_deg", r.Grid.Box.MinLonDeg);
        w.WriteNumber("max_lat_deg", r.Grid.Box.MaxLatDeg);
        w.WriteNumber("max_lon_deg", r.Grid.Box.MaxLonDeg);
        w.WriteNumber("step_deg", r.Grid.StepDeg);
        w.WriteNumber("rows", r.Grid.Rows);
        w.WriteNumber("columns", r.Grid.Columns);
        w.WriteString("method", r.Threat.Method == ThreatGridMethod.Fan ? "fan" : "direct");
        w.WriteBoolean("adaptive", r.Adaptive);
        if (r.Leaves is { } leaves)
        {
            w.WriteNumber("coarse_step_deg", r.Grid.StepDeg * r.Threat.CoarseSize);
            w.WriteNumber("leaves", leaves.Count);
        }

        w.WriteNumber("evaluated_cells", r.EvaluatedCells);
        w.WriteEndObject();
        w.WriteString("defended_means", "at least one shot opportunity against the threat from every launch place that reaches the cell");
        w.WriteStartArray("countries");
        foreach (var c in r.Countries)
        {
            w.WriteStartObject();
            w.WriteString("iso3", c.Iso3);
            w.WriteString("name", c.Name);
            w.WriteBoolean("nato_member", c.Member);
            w.WriteNumber("area_defended_pct", Rounding.Percent(c.AreaDefendedPct));
            w.WriteNumber("population_defended_pct", Rounding.Percent(c.PopulationDefendedPct));
            w.WriteNumber("area_threatened_pct", Rounding.Percent(c.AreaThreatenedPct));
            w.WriteNumber("population_threatened_pct", Rounding.Percent(c.PopulationThreatenedPct));
            w.WriteNumber("area_in_region_pct", Rounding.Percent(c.AreaInRegionPct));
            w.WriteNumber("area_km2", Rounding.Whole(c.AreaKm2));
            w.WriteNumber("population_count", c.PopulationCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One row per cell: index, row, column, centre, area, state, shots, kill probability, batteries (separated by ';').</summary>
    public static string CellsCsv(FootprintResult r)
    {
        var b = new StringBuilder("cell,row,column,lat_deg,lon_deg,area_km2,state,shots_possible,p_kill,batteries\n");
        foreach (var c in r.Cells)
        {
            b.Append(CultureInfo.InvariantCulture, $"{c.Cell.Index},{c.Cell.Row},{c.Cell.Column},{Text.Fixed(c.Cell.CentreLatDeg, 4)},{Text.Fixed(c.Cell.CentreLonDeg, 4)},")
             .Append(CultureInfo.InvariantCulture, $"{Text.Fixed(c.Cell.AreaM2 / 1e6, 1)},{State(c.State)},{c.ShotsPossible},{Text.Fixed(c.PKill, 4)},{string.Join(';', c.Batteries)}\n");
        }

        return b.ToString();
    }

    /// <summary>The states as an ESRI ASCII grid (north row first): 1 defended, 0 undefended, −1 not threatened.</summary>
    public static string AsciiGrid(FootprintResult r)
    {
        var g = r.Grid;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"ncols {g.Columns}\nnrows {g.Rows}\nxllcorner {g.Box.MinLonDeg}\nyllcorner {g.Box.MinLatDeg}\ncellsize {g.StepDeg}\nNODATA_value -9999\n");
        for (int row = g.Rows - 1; row >= 0; row--)
        {
            b.AppendJoin(' ', Enumerable.Range(0, g.Columns).Select(c => r.Cells[row * g.Columns + c].State switch
            {
                CellDefence.Defended => "1",
                CellDefence.Undefended => "0",
                _ => "-1",
            })).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The defended area (and the threatened area) as GeoJSON MultiPolygons, one feature each.</summary>
    public static string GeoJson(FootprintResult r) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        Feature(w, r, "defended", CellPolygons.Of(r.Grid, i => r.Cells[i].State == CellDefence.Defended), r.DefendedAreaKm2);
        Feature(w, r, "threatened", CellPolygons.Of(r.Grid, i => r.Cells[i].State != CellDefence.NotThreatened), r.ThreatenedAreaKm2);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>
    /// A map: threatened cells light red, defended green, each threatened NATO member outlined in the colour of its cover
    /// (green fully, orange partly, red not covered), battery and radar sites, launch places; cropped to the threatened
    /// cells with a margin (the whole grid when none is threatened).
    /// </summary>
    public static byte[] Png(FootprintResult r)
    {
        var box = Crop(r);
        var map = new MapBuilder(box.MinLonDeg, box.MaxLonDeg, box.MinLatDeg, box.MaxLatDeg)
            .Title($"{r.Architecture.Id} vs {r.Threat.MissileId} from {string.Join(", ", r.Threat.Launches.Select(p => p.Id))}: {r.DefendedAreaKm2:N0} km² defended")
            .Countries();
        MemberOutlines(map, r);
        bool first = true;
        foreach (var p in CellPolygons.Of(r.Grid, i => r.Cells[i].State == CellDefence.Undefended))
        {
            map.Polygon(p.Outer, "#d62728", 0.25, first ? "threatened, undefended" : null);
            first = false;
        }

        first = true;
        foreach (var p in CellPolygons.Of(r.Grid, i => r.Cells[i].State == CellDefence.Defended))
        {
            map.Polygon(p.Outer, "#2ca02c", 0.45, first ? "defended (≥ 1 shot)" : null);
            first = false;
        }

        var catalog = r.Threat.Catalog;
        foreach (var b in r.Architecture.Batteries.DistinctBy(b => b.PlaceId))
        {
            var site = catalog.Place(b.PlaceId).Position;
            map.Point(site.LongitudeDeg, site.LatitudeDeg, "#000000", b.Id);
        }

        foreach (var s in r.Architecture.Sensors.Where(s => s.PlaceId is not null && r.Architecture.Batteries.All(b => b.PlaceId != s.PlaceId)).DistinctBy(s => s.PlaceId))
        {
            var site = catalog.Place(s.PlaceId!).Position;
            map.Point(site.LongitudeDeg, site.LatitudeDeg, "#1f77b4", s.Id);
        }

        foreach (var p in r.Threat.Launches)
        {
            map.Point(p.Position.LongitudeDeg, p.Position.LatitudeDeg, "#d62728", p.Id);
        }

        return map.RenderPng();
    }

    /// <summary>The map's box: the threatened cells' extent with a margin of two cells (at least 2°), inside the grid's box.</summary>
    public static GeoBox Crop(FootprintResult r)
    {
        GeoBox grid = r.Grid.Box;
        var threatened = CellPolygons.Of(r.Grid, i => r.Cells[i].State != CellDefence.NotThreatened).SelectMany(p => p.Outer).ToList();
        if (threatened.Count == 0)
        {
            return grid;
        }

        double margin = Math.Max(2, 2 * r.Grid.StepDeg);
        return new GeoBox(
            Math.Max(grid.MinLatDeg, threatened.Min(p => p.LatDeg) - margin), Math.Max(grid.MinLonDeg, threatened.Min(p => p.LonDeg) - margin),
            Math.Min(grid.MaxLatDeg, threatened.Max(p => p.LatDeg) + margin), Math.Min(grid.MaxLonDeg, threatened.Max(p => p.LonDeg) + margin));
    }

    // Threatened members outlined by their cover: the report's classes (ComparisonResult.Classify).
    private static void MemberOutlines(MapBuilder map, FootprintResult r)
    {
        var seen = new HashSet<MemberCover>();
        foreach (CountryCoverage c in r.Countries.Where(c => c.Member).OrderBy(c => c.Iso3, StringComparer.Ordinal))
        {
            MemberCover cover = ComparisonResult.Classify(c);
            (string color, string label) = cover switch
            {
                MemberCover.Full => ("#2ca02c", "member fully covered"),
                MemberCover.Partial => ("#ff7f0e", "member partly covered"),
                MemberCover.None => ("#d62728", "member not covered"),
                _ => ("", ""),
            };
            if (color.Length == 0 || Countries.ByIso3(c.Iso3) is not { } country)
            {
                continue;
            }

            foreach (GeoPolygon polygon in country.Polygons)
            {
                map.Line([.. polygon.Outer.Points, polygon.Outer.Points[0]], color, 1.6, seen.Add(cover) ? label : null);
            }
        }
    }

    private static string State(CellDefence s) => s switch
    {
        CellDefence.Defended => "defended",
        CellDefence.Undefended => "undefended",
        _ => "not-threatened",
    };

    private static void Feature(Utf8JsonWriter w, FootprintResult r, string what, IReadOnlyList<LonLatPolygon> polygons, double areaKm2)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("properties");
        w.WriteString("area", what);
        w.WriteString("architecture", r.Architecture.Id);
        w.WriteString("missile", r.Threat.MissileId);
        w.WriteNumber("area_km2", Rounding.Whole(areaKm2));
        w.WriteEndObject();
        w.WriteStartObject("geometry");
        w.WriteString("type", "MultiPolygon");
        w.WriteStartArray("coordinates");
        foreach (var p in polygons)
        {
            w.WriteStartArray();
            foreach (var ring in new[] { p.Outer }.Concat(p.Holes))
            {
                w.WriteStartArray();
                foreach (var (lon, lat) in ring)
                {
                    w.WriteStartArray();
                    w.WriteRawValue(Text.Fixed(lon, 5));
                    w.WriteRawValue(Text.Fixed(lat, 5));
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
