using System.Globalization;
using Bulwark.Geography;
using Bulwark.Numerics;
using ScottPlot;
using ScottPlot.TickGenerators;
using Angle = Bulwark.Numerics.Angle;
using Color = ScottPlot.Color;

namespace Bulwark.Output.Maps;

/// <summary>
/// Draws a map of a longitude–latitude box as a PNG with ScottPlot: country borders, filled polygons, lines and labelled
/// points, a legend for labelled polygons and lines, and a caption with the data attribution.
/// </summary>
/// <remarks>
/// <para>
/// Projection: equirectangular, with a degree of longitude drawn cos φ₀ times as wide as a degree of latitude, φ₀ the
/// middle latitude of the box, so shapes look right near φ₀ (distances and areas are not kept away from it). The box is
/// widened in longitude or latitude, about its centre, to fill the image at that scale. Axes are in degrees.
/// </para>
/// <para>
/// Output is byte-stable: every text is drawn with the font embedded in this library (<see cref="MapFont"/>), nothing
/// depends on the clock or the machine's fonts, so the same calls give the same PNG bytes with the same ScottPlot and
/// SkiaSharp versions. Rendering is headless and needs no system library (SkiaSharp's "NoDependencies" Linux build).
/// </para>
/// <code>
/// byte[] png = new MapBuilder(10, 50, 30, 58)
///     .Title("Coverage")
///     .Countries()
///     .Polygon(footprint, "#1f77b4", 0.25, "radar coverage")
///     .Line(track, "#d62728", 2, "threat track")
///     .Point(26.10, 44.43, "#000000", "Bucharest")
///     .RenderPng();
/// </code>
/// </remarks>
public sealed class MapBuilder
{
    /// <summary>The caption line every map carries.</summary>
    public const string Attribution = "Borders: Natural Earth via world-atlas";

    private static readonly Color Sea = Color.FromHex("#dde9f3");
    private static readonly Color Land = Color.FromHex("#f4f1e8");
    private static readonly Color Border = Color.FromHex("#8c8c8c");
    private static readonly Color Ink = Color.FromHex("#222222");

    private readonly double minLon, maxLon, minLat, maxLat;
    private readonly int widthPx, heightPx;
    private readonly List<Layer> layers = [];
    private string? title;
    private bool countries;

    /// <summary>A map of the box [minLonDeg, maxLonDeg] × [minLatDeg, maxLatDeg] (degrees; longitudes may run past ±180°).</summary>
    /// <exception cref="ArgumentException">an empty or inverted box, a latitude outside ±90°, or an image under 200×150 pixels</exception>
    public MapBuilder(double minLonDeg, double maxLonDeg, double minLatDeg, double maxLatDeg, int widthPx = 1200, int heightPx = 800)
    {
        if (!(minLonDeg < maxLonDeg) || maxLonDeg - minLonDeg > 720)
            throw new ArgumentException($"longitudes [{minLonDeg}, {maxLonDeg}]: need min < max, at most 720° apart");
        if (!(minLatDeg < maxLatDeg) || minLatDeg < -90 || maxLatDeg > 90)
            throw new ArgumentException($"latitudes [{minLatDeg}, {maxLatDeg}]: need −90 ≤ min < max ≤ 90");
        if (widthPx < 200 || heightPx < 150 || widthPx > 10_000 || heightPx > 10_000)
            throw new ArgumentException($"image {widthPx}×{heightPx} px: need 200–10000 × 150–10000");
        (minLon, maxLon, minLat, maxLat) = (minLonDeg, maxLonDeg, minLatDeg, maxLatDeg);
        (this.widthPx, this.heightPx) = (widthPx, heightPx);
    }

    /// <summary>Sets the title drawn above the map.</summary>
    public MapBuilder Title(string text)
    {
        title = text;
        return this;
    }

    /// <summary>Draws the countries (<see cref="Geography.Countries"/>): land in a light fill, borders in thin grey, under all other layers.</summary>
    public MapBuilder Countries()
    {
        countries = true;
        return this;
    }

    /// <summary>
    /// Adds a filled polygon (closed or not) with an outline in the same colour. Like lines and points, it is drawn
    /// where it falls nearest the middle of the view, a whole turn of longitude either way (so −170° shows at 190°).
    /// </summary>
    /// <param name="ring">vertices (LonDeg, LatDeg)</param>
    /// <param name="colorHex">colour as <c>#rrggbb</c></param>
    /// <param name="fillAlpha">opacity of the fill, 0–1 (the outline is opaque)</param>
    /// <param name="label">legend entry, or null for none</param>
    public MapBuilder Polygon(IReadOnlyList<(double LonDeg, double LatDeg)> ring, string colorHex, double fillAlpha, string? label = null)
    {
        if (ring.Count < 3) throw new ArgumentException("a polygon needs at least three vertices", nameof(ring));
        if (!(fillAlpha is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(fillAlpha), fillAlpha, "need 0–1");
        layers.Add(new PolygonLayer([.. ring], ParseColor(colorHex), fillAlpha, label));
        return this;
    }

    /// <summary>Adds a polyline.</summary>
    /// <param name="points">vertices (LonDeg, LatDeg)</param>
    /// <param name="colorHex">colour as <c>#rrggbb</c></param>
    /// <param name="widthPx">line width, pixels</param>
    /// <param name="label">legend entry, or null for none</param>
    public MapBuilder Line(IReadOnlyList<(double LonDeg, double LatDeg)> points, string colorHex, double widthPx = 2, string? label = null)
    {
        if (points.Count < 2) throw new ArgumentException("a line needs at least two points", nameof(points));
        if (!(widthPx > 0)) throw new ArgumentOutOfRangeException(nameof(widthPx), widthPx, "need > 0");
        layers.Add(new LineLayer([.. points], ParseColor(colorHex), widthPx, label));
        return this;
    }

    /// <summary>Adds a point as a filled circle, its label (if any) written beside it on the map.</summary>
    public MapBuilder Point(double lonDeg, double latDeg, string colorHex, string? label = null)
    {
        layers.Add(new PointLayer(lonDeg, latDeg, ParseColor(colorHex), label));
        return this;
    }

    /// <summary>Renders the map as PNG bytes, widthPx × heightPx.</summary>
    public byte[] RenderPng()
    {
        MapFont.EnsureRegistered();
        var plot = new Plot();
        var view = Layout(plot);

        if (countries) AddCountries(plot, view);
        double viewMidLon = 0.5 * (view.MinLon + view.MaxLon);
        bool legend = false;
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case PolygonLayer p:
                    var polygon = plot.Add.Polygon(Place(p.Ring, viewMidLon));
                    polygon.FillColor = p.Color.WithAlpha(p.FillAlpha);
                    polygon.LineColor = p.Color;
                    polygon.LineWidth = 1.5f;
                    if (p.Label is { } pl) { polygon.LegendText = pl; legend = true; }
                    break;
                case LineLayer l:
                    var line = plot.Add.ScatterLine(Place(l.Points, viewMidLon), l.Color);
                    line.LineWidth = (float)l.WidthPx;
                    if (l.Label is { } ll) { line.LegendText = ll; legend = true; }
                    break;
                case PointLayer pt:
                    var at = Place([(pt.LonDeg, pt.LatDeg)], viewMidLon)[0];
                    var marker = plot.Add.Marker(at, MarkerShape.FilledCircle, 8, pt.Color);
                    marker.MarkerLineColor = Colors.White;
                    marker.MarkerLineWidth = 1;
                    if (pt.Label is { } text)
                    {
                        var label = plot.Add.Text(text, at);
                        label.LabelFontName = MapFont.Name;
                        label.LabelFontSize = 12;
                        label.LabelFontColor = Ink;
                        label.LabelAlignment = Alignment.MiddleLeft;
                        label.OffsetX = 7;
                    }
                    break;
            }
        }

        if (legend)
        {
            plot.ShowLegend(Alignment.UpperRight);
            plot.Legend.FontName = MapFont.Name;
            plot.Legend.FontSize = 12;
        }
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    // ------------------------------------------------------------------ layout

    private const float PadLeft = 62, PadRight = 16, PadBottom = 58, PadTopTitle = 42, PadTopPlain = 16;

    /// <summary>Fixes the data area, sets limits in degrees with the cos φ₀ aspect, styles axes; returns the view box.</summary>
    private (double MinLon, double MaxLon, double MinLat, double MaxLat) Layout(Plot plot)
    {
        float top = title is null ? PadTopPlain : PadTopTitle;
        plot.Layout.Fixed(new PixelPadding(PadLeft, PadRight, PadBottom, top));
        double areaW = widthPx - PadLeft - PadRight, areaH = heightPx - PadBottom - top;

        double midLat = 0.5 * (minLat + maxLat), midLon = 0.5 * (minLon + maxLon);
        double k = Math.Cos(Angle.DegToRad(midLat));                 // lon degrees are k times as wide as lat degrees
        double spanLon = maxLon - minLon, spanLat = maxLat - minLat;
        double pxPerLatDeg = Math.Min(areaW / (spanLon * k), areaH / spanLat);
        spanLon = areaW / (pxPerLatDeg * k);
        spanLat = areaH / pxPerLatDeg;
        var view = (midLon - spanLon / 2, midLon + spanLon / 2, midLat - spanLat / 2, midLat + spanLat / 2);
        plot.Axes.SetLimits(view.Item1, view.Item2, view.Item3, view.Item4);

        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Sea;
        plot.Grid.IsBeneathPlottables = false;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = LonLabel, TickDensity = 0.8 };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = LatLabel, TickDensity = 0.8 };
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = MapFont.Name;
            axis.TickLabelStyle.FontName = MapFont.Name;
            axis.TickLabelStyle.FontSize = 11;
        }
        plot.Axes.Bottom.Label.Text = Attribution;
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Bottom.Label.ForeColor = Colors.Gray;

        plot.Axes.Title.Label.FontName = MapFont.Name;
        plot.Axes.Title.Label.Bold = false;
        plot.Axes.Title.Label.FontSize = 18;
        if (title is not null) plot.Title(title);
        return view;
    }

    private static string LonLabel(double lon)
    {
        double x = Angle.WrapDeg180(lon);                 // [−180, 180]
        return Math.Abs(x) < 1e-9 || Math.Abs(Math.Abs(x) - 180) < 1e-9
            ? Degrees(Math.Abs(x)) + "°"
            : Degrees(Math.Abs(x)) + (x > 0 ? "°E" : "°W");
    }

    private static string LatLabel(double lat) =>
        Math.Abs(lat) < 1e-9 ? "0°" : Degrees(Math.Abs(lat)) + (lat > 0 ? "°N" : "°S");

    private static string Degrees(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ countries

    private static void AddCountries(Plot plot, (double MinLon, double MaxLon, double MinLat, double MaxLat) view)
    {
        foreach (var country in Geography.Countries.All)
        {
            foreach (var polygon in country.Polygons)
            {
                foreach (var (ring, index) in polygon.Rings.Select((r, i) => (r, i)))
                {
                    var (rMinLon, rMaxLon, rMinLat, rMaxLat) = Bounds(ring);
                    if (rMaxLat < view.MinLat || rMinLat > view.MaxLat) continue;
                    // Draw the ring where it falls in the view, a turn either way included (the view or the ring may
                    // run past ±180°).
                    for (int turns = -2; turns <= 2; turns++)
                    {
                        double shift = 360.0 * turns;
                        if (rMaxLon + shift < view.MinLon || rMinLon + shift > view.MaxLon) continue;
                        var coordinates = ring.Points.Select(p => new Coordinates(p.LonDeg + shift, p.LatDeg)).ToArray();
                        var shape = plot.Add.Polygon(coordinates);
                        // Holes are other countries (Lesotho in South Africa), drawn in their turn: outline them only.
                        shape.FillColor = index == 0 ? Land : Colors.Transparent;
                        shape.LineColor = Border;
                        shape.LineWidth = 0.6f;
                    }
                }
            }
        }
    }

    private static (double MinLon, double MaxLon, double MinLat, double MaxLat) Bounds(GeoRing ring)
    {
        double minLon = double.PositiveInfinity, maxLon = double.NegativeInfinity;
        double minLat = double.PositiveInfinity, maxLat = double.NegativeInfinity;
        foreach (var (lon, lat) in ring.Points)
        {
            minLon = Math.Min(minLon, lon);
            maxLon = Math.Max(maxLon, lon);
            minLat = Math.Min(minLat, lat);
            maxLat = Math.Max(maxLat, lat);
        }
        return (minLon, maxLon, minLat, maxLat);
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Plot coordinates of a layer: longitudes made continuous (a step of more than 180° is taken the short way round,
    /// so a track over the antimeridian stays in one piece), then the whole layer moved by whole turns to lie nearest
    /// the middle of the view.
    /// </summary>
    private static Coordinates[] Place(IReadOnlyList<(double LonDeg, double LatDeg)> points, double viewMidLon)
    {
        var result = new Coordinates[points.Count];
        double lon = points[0].LonDeg, min = lon, max = lon;
        result[0] = new Coordinates(lon, points[0].LatDeg);
        for (int i = 1; i < points.Count; i++)
        {
            double step = points[i].LonDeg - points[i - 1].LonDeg;
            lon += Angle.WrapDeg180(step);
            result[i] = new Coordinates(lon, points[i].LatDeg);
            min = Math.Min(min, lon);
            max = Math.Max(max, lon);
        }
        double shift = 360 * Math.Round((viewMidLon - 0.5 * (min + max)) / 360);
        if (shift != 0)
            for (int i = 0; i < result.Length; i++) result[i] = new Coordinates(result[i].X + shift, result[i].Y);
        return result;
    }

    private static Color ParseColor(string hex)
    {
        if (hex is null || !System.Text.RegularExpressions.Regex.IsMatch(hex, "^#[0-9A-Fa-f]{6}$"))
            throw new ArgumentException($"colour '{hex}': need #rrggbb", nameof(hex));
        return Color.FromHex(hex);
    }

    private abstract record Layer;
    private sealed record PolygonLayer((double LonDeg, double LatDeg)[] Ring, Color Color, double FillAlpha, string? Label) : Layer;
    private sealed record LineLayer((double LonDeg, double LatDeg)[] Points, Color Color, double WidthPx, string? Label) : Layer;
    private sealed record PointLayer(double LonDeg, double LatDeg, Color Color, string? Label) : Layer;
}
