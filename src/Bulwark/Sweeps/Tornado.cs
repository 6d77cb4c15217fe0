namespace Bulwark.Sweeps;

/// <summary>One input's bar in a tornado: the outcome with the input at its low and at its high value, others nominal.</summary>
/// <param name="Input">the input's name</param>
/// <param name="Unit">its unit</param>
/// <param name="LowInput">the input's low value</param>
/// <param name="HighInput">the input's high value</param>
/// <param name="AtLow">the outcome with the input low</param>
/// <param name="AtHigh">the outcome with the input high</param>
public sealed record SwingBar(string Input, string Unit, double LowInput, double HighInput, double AtLow, double AtHigh)
{
    /// <summary>The swing: |outcome at high − outcome at low| (NaN if either is NaN).</summary>
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>
/// What moves one outcome: from a one-at-a-time sweep, the nominal value and one bar per input, ranked by swing
/// (largest first; NaN swings last; equal swings by input name, ordinal, so the order is the same on every machine).
/// </summary>
/// <param name="Outcome">the outcome's name</param>
/// <param name="Kind">number or yes/no</param>
/// <param name="Nominal">the outcome in the nominal run</param>
/// <param name="Bars">the inputs, ranked</param>
public sealed record Tornado(string Outcome, OutcomeKind Kind, double Nominal, IReadOnlyList<SwingBar> Bars)
{
    /// <summary>The tornado of <paramref name="outcome"/> from a one-at-a-time design's rows (any order).</summary>
    /// <exception cref="ArgumentException">the design is not one-at-a-time, or a run is missing from the rows</exception>
    /// <exception cref="KeyNotFoundException">a run lacks the outcome</exception>
    public static Tornado Of(SweepDesign design, IReadOnlyList<RunRow> rows, string outcome)
    {
        var at = OneAtATimeRows.Index(design, rows);
        Outcome nominal = at(design.RunFor(RunRole.Nominal)).Outcomes[outcome];
        var bars = design.Inputs.Select(i => new SwingBar(i.Name, i.Unit, i.Low, i.High,
                at(design.RunFor(RunRole.Low, i.Name)).Outcomes[outcome].Value,
                at(design.RunFor(RunRole.High, i.Name)).Outcomes[outcome].Value))
            .OrderBy(b => double.IsNaN(b.Swing) ? 1 : 0)
            .ThenByDescending(b => double.IsNaN(b.Swing) ? 0 : b.Swing)
            .ThenBy(b => b.Input, StringComparer.Ordinal)
            .ToList();
        return new Tornado(outcome, nominal.Kind, nominal.Value, bars);
    }
}

/// <summary>Finds a one-at-a-time design's runs among stored rows.</summary>
internal static class OneAtATimeRows
{
    public static Func<SweepRun, RunRow> Index(SweepDesign design, IReadOnlyList<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(rows);
        if (design.Kind != "one-at-a-time")
        {
            throw new ArgumentException($"swings and flips need a one-at-a-time design, not {design.Kind}", nameof(design));
        }

        var byOrdinal = new Dictionary<int, RunRow>();
        foreach (RunRow r in rows)
        {
            byOrdinal[r.Ordinal] = r;
        }

        return run => byOrdinal.TryGetValue(run.Ordinal, out RunRow? row) && row.Key == run.Key
            ? row
            : throw new ArgumentException($"run {run.Ordinal} ({run.Role} {run.Varied}) of {design.Id} is not among the rows", nameof(rows));
    }
}
