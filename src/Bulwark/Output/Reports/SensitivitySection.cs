using System.Globalization;
using Bulwark.Analysis.Sensitivity;
using Bulwark.Output.Json;
using Bulwark.Output.Plots;
using Bulwark.Sweeps;

namespace Bulwark.Output.Reports;

/// <summary>
/// The "Sensitivity" section of a sweep's report: the uncertain inputs with their sources, the band of every headline
/// number over the sample, the "what flips" table, and a tornado plot for each headline number that any input moves.
/// </summary>
public static class SensitivitySection
{
    /// <summary>The tornado plot's file for a conclusion (its name with <c>/</c> as <c>--</c>).</summary>
    public static string TornadoFile(string conclusion) => $"tornado-{conclusion.Replace("/", "--", StringComparison.Ordinal)}.png";

    /// <summary>Adds the section.</summary>
    public static void Add(List<ReportBlock> blocks, SensitivityResult s)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(s);
        blocks.Add(new Heading(2, "Sensitivity: what flips each conclusion"));
        blocks.Add(new Paragraph(
            $"{s.Inputs.Count} disputed {(s.Inputs.Count == 1 ? "input" : "inputs")}, each over the range the open record allows (below, with its source): " +
            $"{s.OneAtATime.Runs.Rows.Count} runs one input at a time (the others nominal) rank the inputs by how far each moves every " +
            $"conclusion and show which answers flip; " +
            (s.Sample is { } sample ? $"{sample.Runs.Rows.Count} runs of a Latin hypercube over all of them together (seed {s.Settings.Seed}) give the bands; " : "no sample was run, so no bands; ") +
            $"{s.Bisections.Rows.Count} more runs locate the flips by bisection ({s.Settings.FlipBisections} halvings each). Every run, like the " +
            $"nominal comparison above, is a comparison on {(s.Settings.Adaptive ? "an adaptive" : "a uniform")} {F(s.Settings.StepDeg)}° grid (the sweep's, often coarser " +
            "than `bulwark compare`'s): the bands measure what the inputs do at that resolution, beside the grid's own error (docs/footprint.md)."));

        blocks.Add(new Heading(3, "The uncertain inputs"));
        blocks.Add(new Table(["input", "nominal", "range, or the other levels", "distribution", "source"],
            [.. s.Inputs.Select(i => (IReadOnlyList<string>)[
                $"`{i.Input.Name}`",
                i.Input.Levels is { } levels ? levels[(int)i.Input.Nominal] : WithUnit(i.Input.Nominal, i.Input.Unit),
                i.Input.Levels is { } others ? string.Join(", ", others.Where((_, k) => k != (int)i.Input.Nominal)) : $"{F(i.Input.Low)}–{WithUnit(i.Input.High, i.Input.Unit)}",
                i.Input.IsVariant ? "each level alike" : i.Input.Distribution == InputDistribution.Uniform ? "uniform" : "triangular", i.Input.Source])],
            [false, true, true, false, false]));

        var numbers = s.Conclusions.Where(c => c.Conclusion.Headline && c.Conclusion.Kind == OutcomeKind.Number).ToList();
        blocks.Add(new Heading(3, "Bands"));
        blocks.Add(new Table(["conclusion", "nominal", "5–95% of the sample", "min–max", "moved most by (low → high)"],
            [.. numbers.Select(c => (IReadOnlyList<string>)[
                c.Conclusion.Label, WithUnit(c.Nominal, c.Conclusion.Unit),
                c.Band is { } b ? $"{F(b.P5)}–{F(b.P95)}" : "—",
                c.Band is { } m ? $"{F(m.Min)}–{F(m.Max)}" : "—",
                c.Tornado.Bars.FirstOrDefault(x => x.Swing > 0) is { } top ? Moved(top) : "none"])],
            [false, true, true, true, false]));

        var flips = s.Conclusions.SelectMany(c => c.Flips.Select(f => (c, f))).ToList();
        blocks.Add(new Heading(3, "What flips"));
        blocks.Add(new Paragraph(
            "A member is \"defended wherever threatened\" when no part of it that the threat reaches is left undefended (to " +
            $"{Analysis.Comparison.ComparisonResult.CoverMarginPct}% of its area). The count of members fully covered ({100 - Analysis.Comparison.ComparisonResult.CoverMarginPct}% of the whole " +
            "territory defended) also falls when an input takes part of a member out of the missile's reach (a shorter range, " +
            "another launch place), though nothing threatened goes undefended; the per-member answers here do not."));
        if (flips.Count == 0)
        {
            blocks.Add(new Paragraph("No yes/no conclusion changes its answer when any one input goes to either end of its range."));
        }
        else
        {
            blocks.Add(new Table(["conclusion", "nominal answer", "flips"],
                [.. flips.Select(x => (IReadOnlyList<string>)[x.c.Conclusion.Label, x.c.Nominal != 0 ? "yes" : "no", SensitivityJson.Describe(x.c, x.f)])]));
        }

        var plotted = numbers.Concat(s.Conclusions.Where(c => c.Conclusion.Headline && c.Conclusion.Kind == OutcomeKind.YesNo))
            .Where(c => c.Tornado.Bars.Any(b => b.Swing > 0)).ToList();
        if (plotted.Count > 0)
        {
            blocks.Add(new Heading(3, "Tornado plots"));
            foreach (ConclusionSensitivity c in plotted)
            {
                byte[] png = TornadoPlot.Render(c.Tornado, c.Conclusion.Unit, Title(c.Conclusion.Label));
                blocks.Add(new Figure([new ReportImage(TornadoFile(c.Conclusion.Name), $"What moves: {c.Conclusion.Label}", png)],
                    $"{c.Conclusion.Label}: each input at its low (blue) and high (orange) end, the others nominal (a threat variant at the level that gives the least and the most); nominal {WithUnit(c.Nominal, c.Conclusion.Unit)}."));
            }
        }
    }

    // The input that moves a number most, and how: "`x` (2 → 5)", or for a variant "`threats.launch` (qom: 2 → tabriz: 5)".
    private static string Moved(SwingBar top) => top.LowLevel is { } low
        ? $"`{top.Input}` ({low}: {F(top.AtLow)} → {top.HighLevel}: {F(top.AtHigh)})"
        : $"`{top.Input}` ({F(top.AtLow)} → {F(top.AtHigh)})";

    // A title that fits the plot's width: long labels are cut at a word and marked.
    private static string Title(string label) => label.Length <= 70 ? label : label[..label.LastIndexOf(' ', 69)] + " …";

    private static string WithUnit(double v, string unit) => string.IsNullOrEmpty(unit) ? F(v) : $"{F(v)} {unit}";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";
}
