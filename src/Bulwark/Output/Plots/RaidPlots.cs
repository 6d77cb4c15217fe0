using Bulwark.Output.Maps;
using Bulwark.Raids;
using ScottPlot;

namespace Bulwark.Output.Plots;

/// <summary>
/// The raid's PNG plots: the distribution of leakers and the mean inventory per battery over the raid. Drawn with the
/// maps' embedded font (<see cref="MapFont"/>) and nothing taken from the clock or the machine, so the same result gives
/// the same bytes.
/// </summary>
public static class RaidPlots
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"];

    /// <summary>Fraction of trials with k leakers, k = 0 … raid size, one bar series per architecture.</summary>
    public static byte[] Leakers(string title, IReadOnlyList<(string Id, RaidResult Result)> results)
    {
        var plot = PlotStyle.NewPlot(title, "leakers (missiles that got through)", "fraction of trials");
        int series = results.Count;
        double width = 0.8 / series;
        for (int a = 0; a < series; a++)
        {
            var (id, r) = results[a];
            var bars = r.LeakerHistogram.Select((count, k) => new Bar
            {
                Position = k - 0.4 + width * (a + 0.5),
                Value = (double)count / r.Trials,
                Size = width,
                FillColor = Color.FromHex(Palette[a % Palette.Length]),
                LineWidth = 0,
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = id;
        }

        plot.Axes.SetLimitsY(0, 1.05);
        plot.Axes.SetLimitsX(-0.6, results.Max(r => r.Result.LeakerHistogram.Count) - 0.4);
        return Finish(plot, Alignment.UpperCenter);
    }

    /// <summary>Mean interceptors left per battery against time since the raid's epoch.</summary>
    public static byte[] Inventory(string title, RaidResult result)
    {
        var plot = PlotStyle.NewPlot(title, "time since the first launch (s)", "interceptors left (mean over trials)");
        double[] xs = [.. result.InventoryTimesS];
        for (int b = 0; b < result.Batteries.Count; b++)
        {
            var line = plot.Add.ScatterLine(xs, [.. result.InventoryMean[b]], Color.FromHex(Palette[b % Palette.Length]));
            line.LineWidth = 2;
            line.LegendText = result.Batteries[b].Id;
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, result.Batteries.Max(b => b.Inventory)) * 1.05);
        return Finish(plot);
    }

    private static byte[] Finish(Plot plot, Alignment legend = Alignment.UpperRight)
    {
        plot.ShowLegend(legend);
        plot.Legend.FontName = MapFont.Name;
        plot.Legend.FontSize = 12;
        return plot.GetImageBytes(1000, 600, ImageFormat.Png);
    }
}
