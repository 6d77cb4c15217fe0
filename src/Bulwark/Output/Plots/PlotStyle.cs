using Bulwark.Output.Maps;
using ScottPlot;

namespace Bulwark.Output.Plots;

/// <summary>The plots' common look: white background, the embedded map font (so the PNG bytes do not depend on the machine's fonts), its sizes.</summary>
internal static class PlotStyle
{
    /// <summary>A new plot with its title and axis labels (no y label when <paramref name="y"/> is null) in the map font.</summary>
    public static Plot NewPlot(string title, string x, string? y = null)
    {
        MapFont.EnsureRegistered();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.Title(title);
        plot.XLabel(x);
        if (y is not null)
        {
            plot.YLabel(y);
        }

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = MapFont.Name;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontName = MapFont.Name;
            axis.TickLabelStyle.FontSize = 11;
        }

        plot.Axes.Title.Label.FontName = MapFont.Name;
        plot.Axes.Title.Label.Bold = false;
        plot.Axes.Title.Label.FontSize = 16;
        return plot;
    }
}
