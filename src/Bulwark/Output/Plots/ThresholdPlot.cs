using Bulwark.Analysis.Deterrent;
using Bulwark.Output.Maps;
using ScottPlot;

namespace Bulwark.Output.Plots;

/// <summary>
/// The deterrent plot: threshold burnout speed against the interceptor's launch delay after the ICBM's launch, one line
/// per battery and track, with each battery's catalog speed as a dashed line and, on each line, a diamond at the launch
/// delay the battery's own sensors allow (its earliest fire-control launch), so the ideal bound and the real case show
/// together. Drawn with the embedded map font, so the
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
        bool realMarked = false;
        foreach (DeterrentTrack t in result.Tracks)
        {
            foreach (DeterrentBattery b in t.Batteries)
            {
                var points = b.Curve.Where(c => c.SpeedMPerS is not null).ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                Color color = Color.FromHex(Palette[line++ % Palette.Length]);
                var scatter = plot.Add.Scatter(points.Select(c => c.DelayS).ToArray(), points.Select(c => c.SpeedMPerS!.Value / 1000).ToArray(), color);
                scatter.LegendText = $"{b.BatteryId}: {t.BaseId} → {t.TargetId}";
                scatter.LineWidth = 1.5f;
                scatter.MarkerSize = 4;
                if (RealLaunchDelayS(t, b) is { } delay && SpeedAt(points, delay) is { } speed)
                {
                    plot.Add.Marker(delay, speed / 1000, MarkerShape.FilledDiamond, 14, color);
                    realMarked = true;
                }
            }
        }

        foreach (string id in batteries)
        {
            DeterrentBattery b = result.Tracks.SelectMany(t => t.Batteries).First(x => x.BatteryId == id);
            var h = plot.Add.HorizontalLine(b.CatalogSpeedMPerS / 1000, 1.5f, Colors.Black, LinePattern.Dashed);
            h.LegendText = $"{b.InterceptorId} (catalog) {b.CatalogSpeedMPerS / 1000:0.0} km/s";
        }

        if (realMarked)
        {
            var key = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledDiamond, 14, Colors.Gray);
            key.LegendText = "◆ the battery's earliest launch with its own sensors (fire-control track + reaction time)";
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontName = MapFont.Name;
        plot.Legend.FontSize = 10;
        return plot.GetImageBytes(1200, 800, ImageFormat.Png);
    }

    /// <summary>The launch delay after the ICBM's launch that the battery's own sensors allow: its earliest fire-control launch; null without a fire-control track.</summary>
    public static double? RealLaunchDelayS(DeterrentTrack track, DeterrentBattery battery)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(battery);
        return battery.RealSensors.EarliestLaunchS is { } launch ? launch - track.Flight.Track.LaunchTimeS : null;
    }

    /// <summary>The threshold curve at <paramref name="delayS"/>, linear between its delays; null outside them.</summary>
    private static double? SpeedAt(IReadOnlyList<ThresholdSpeed> points, double delayS)
    {
        for (int i = 0; i + 1 < points.Count; i++)
        {
            if (delayS >= points[i].DelayS && delayS <= points[i + 1].DelayS)
            {
                double f = (delayS - points[i].DelayS) / (points[i + 1].DelayS - points[i].DelayS);
                return points[i].SpeedMPerS!.Value + f * (points[i + 1].SpeedMPerS!.Value - points[i].SpeedMPerS!.Value);
            }
        }

        return points.Count == 1 && points[0].DelayS == delayS ? points[0].SpeedMPerS : null;
    }
}
