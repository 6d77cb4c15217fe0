namespace Bulwark.Output.Maps;

/// <summary>A labelled ground polygon, line or point for a result map (longitude, latitude in degrees).</summary>
public sealed record MapItem(string Label, IReadOnlyList<(double LonDeg, double LatDeg)> Points);

/// <summary>The maps the verbs write with <c>--out</c>: tracks, coverage areas and sites over country borders.</summary>
public static class ResultMaps
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"];

    /// <summary>
    /// A map framed on everything drawn (with a margin): coverage areas filled, tracks as lines, sites as labelled points.
    /// </summary>
    public static byte[] Render(string title, IReadOnlyList<MapItem> areas, IReadOnlyList<MapItem> tracks, IReadOnlyList<MapItem> sites)
    {
        var all = areas.Concat(tracks).Concat(sites).SelectMany(i => i.Points).ToList();
        if (all.Count == 0)
        {
            all.Add((0, 0));
        }

        double minLon = all.Min(p => p.LonDeg), maxLon = all.Max(p => p.LonDeg);
        double minLat = all.Min(p => p.LatDeg), maxLat = all.Max(p => p.LatDeg);
        double padLon = Math.Max(2, 0.08 * (maxLon - minLon)), padLat = Math.Max(2, 0.08 * (maxLat - minLat));
        var map = new MapBuilder(Math.Max(-180, minLon - padLon), Math.Min(180, maxLon + padLon), Math.Max(-85, minLat - padLat), Math.Min(85, maxLat + padLat))
            .Title(title)
            .Countries();
        for (int i = 0; i < areas.Count; i++)
        {
            map.Polygon(areas[i].Points, Palette[i % Palette.Length], 0.15, areas[i].Label);
        }

        foreach (MapItem t in tracks)
        {
            map.Line(t.Points, "#d62728", 2, t.Label);
        }

        foreach (MapItem s in sites)
        {
            map.Point(s.Points[0].LonDeg, s.Points[0].LatDeg, "#000000", s.Label);
        }

        return map.RenderPng();
    }
}
