using Bulwark.Analysis.Deterrent;
using Bulwark.Output.Maps;
using ScottPlot;

namespace Bulwark.Output.Plots;

/// <summary>
/// The deterrent plot: threshold burnout speed against the interceptor's launch delay after the ICBM's launch, one line
/// per battery and track, with each battery's catalog speed as a dashed line. Drawn with the embedded map font, so the
/// PNG bytes are the same on every machine (as for <see cref="MapBuilder"/>).
/// </summary>
public static class ThresholdPlot
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"];

    /// <summary>The plot as PNG bytes (1200 × 800 px); thresholds never reached are left out of a line.</summary>
    public static byte[] Render(DeterrentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MapFont.EnsureRegistered();
        var plot = new Plot();
        plot.Title($"Threshold burnout speed: {result.Architecture.Name}");
        plot.XLabel("interceptor launch delay after the ICBM's launch (s)");
        plot.YLabel("threshold burnout speed (km/s)");
        plot.Axes.Title.Label.FontName = MapFont.Name;
        plot.Axes.Bottom.Label.FontName = MapFont.Name;
        plot.Axes.Left.Label.FontName = MapFont.Name;
        plot.Axes.Bottom.TickLabelStyle.FontName = MapFont.Name;
        plot.Axes.Left.TickLabelStyle.FontName = MapFont.Name;
        var batteries = result.Tracks.SelectMany(t => t.Batteries).Select(b => b.BatteryId).Distinct().ToList();
        int line = 0;
        foreach (DeterrentTrack t in result.Tracks)
        {
            foreach (DeterrentBattery b in t.Batteries)
            {
                var points = b.Curve.Where(c => c.SpeedMPerS is not null).ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                var scatter = plot.Add.Scatter(points.Select(c => c.DelayS).ToArray(), points.Select(c => c.SpeedMPerS!.Value / 1000).ToArray(), Color.FromHex(Palette[line++ % Palette.Length]));
                scatter.LegendText = $"{b.BatteryId}: {t.BaseId} → {t.TargetId}";
                scatter.LineWidth = 1.5f;
                scatter.MarkerSize = 4;
            }
        }

        foreach (string id in batteries)
        {
            DeterrentBattery b = result.Tracks.SelectMany(t => t.Batteries).First(x => x.BatteryId == id);
            var h = plot.Add.HorizontalLine(b.CatalogSpeedMPerS / 1000, 1.5f, Colors.Black, LinePattern.Dashed);
            h.LegendText = $"{b.InterceptorId} (catalog) {b.CatalogSpeedMPerS / 1000:0.0} km/s";
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontName = MapFont.Name;
        plot.Legend.FontSize = 10;
        return plot.GetImageBytes(1200, 800, ImageFormat.Png);
    }
}
