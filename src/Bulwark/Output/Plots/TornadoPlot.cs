using System.Globalization;
using Bulwark.Output.Maps;
using Bulwark.Sweeps;
using ScottPlot;

namespace Bulwark.Output.Plots;

/// <summary>
/// A tornado plot of one outcome (docs/sweeps.md): for each input, ranked by swing with the largest at the top, a
/// horizontal bar from the nominal value to the outcome with the input at its low value and one to the outcome with it
/// at its high value (a threat variant: at the level giving the least and the one giving the most, named in its
/// label), and a line at the nominal value. Drawn with the maps' embedded font (<see cref="MapFont"/>) and
/// nothing from the clock or the machine, so the same tornado gives the same PNG bytes.
/// </summary>
public static class TornadoPlot
{
    private static readonly Color LowColor = Color.FromHex("#1f77b4");
    private static readonly Color HighColor = Color.FromHex("#ff7f0e");

    /// <summary>The plot as PNG bytes (1000 px wide, taller with more inputs).</summary>
    /// <param name="tornado">the outcome's swings (<see cref="Tornado.Of"/>)</param>
    /// <param name="unit">the outcome's unit for the axis (empty for none; yes/no outcomes are drawn as 0 = no, 1 = yes)</param>
    /// <param name="title">the title (null: "What moves OUTCOME")</param>
    public static byte[] Render(Tornado tornado, string unit, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(tornado);
        ArgumentNullException.ThrowIfNull(unit);
        string axisUnit = tornado.Kind == OutcomeKind.YesNo ? "0 = no, 1 = yes" : unit;
        Plot plot = PlotStyle.NewPlot(title ?? $"What moves {tornado.Outcome}", string.IsNullOrEmpty(axisUnit) ? tornado.Outcome : $"{tornado.Outcome} ({axisUnit})");

        int n = tornado.Bars.Count;
        var low = new List<Bar>();
        var high = new List<Bar>();
        var positions = new double[n];
        var labels = new string[n];
        for (int i = 0; i < n; i++)
        {
            SwingBar b = tornado.Bars[i];
            double y = n - 1 - i;
            positions[i] = y;
            labels[i] = b.LowLevel is { } lowLevel
                ? $"{b.Input} ({lowLevel} → {b.HighLevel})"
                : $"{b.Input} ({G(b.LowInput)}–{G(b.HighInput)}{(string.IsNullOrEmpty(b.Unit) ? "" : " " + b.Unit)})";
            if (double.IsFinite(b.AtLow) && double.IsFinite(tornado.Nominal))
            {
                low.Add(new Bar { Position = y, ValueBase = tornado.Nominal, Value = b.AtLow, Size = 0.6, FillColor = LowColor, LineWidth = 0 });
            }

            if (double.IsFinite(b.AtHigh) && double.IsFinite(tornado.Nominal))
            {
                high.Add(new Bar { Position = y, ValueBase = tornado.Nominal, Value = b.AtHigh, Size = 0.6, FillColor = HighColor.WithAlpha(0.85), LineWidth = 0 });
            }
        }

        var lowBars = plot.Add.Bars(low);
        lowBars.Horizontal = true;
        lowBars.LegendText = "input at its low value";
        var highBars = plot.Add.Bars(high);
        highBars.Horizontal = true;
        highBars.LegendText = "input at its high value";
        if (double.IsFinite(tornado.Nominal))
        {
            var line = plot.Add.VerticalLine(tornado.Nominal, 1.5f, Colors.Black, LinePattern.Dashed);
            line.LegendText = $"nominal {G(tornado.Nominal)}";
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimitsY(-0.7, Math.Max(n, 1) - 0.3);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Legend.FontName = MapFont.Name;
        plot.Legend.FontSize = 11;
        return plot.GetImageBytes(1000, 160 + 48 * Math.Max(n, 3), ImageFormat.Png);
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
