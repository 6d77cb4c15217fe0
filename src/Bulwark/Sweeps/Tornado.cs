namespace Bulwark.Sweeps;

/// <summary>
/// One input's bar in a tornado: the outcome with the input at its low and at its high value, others nominal. For a
/// variant, the outcome at the level that gives the least and at the level that gives the most (the nominal level
/// among them), with those levels' names.
/// </summary>
/// <param name="Input">the input's name</param>
/// <param name="Unit">its unit</param>
/// <param name="LowInput">the input's low value (a variant: the index of the level giving the least)</param>
/// <param name="HighInput">the input's high value (a variant: the index of the level giving the most)</param>
/// <param name="AtLow">the outcome with the input low</param>
/// <param name="AtHigh">the outcome with the input high</param>
/// <param name="LowLevel">a variant's level giving the least (null for a number)</param>
/// <param name="HighLevel">a variant's level giving the most (null for a number)</param>
public sealed record SwingBar(string Input, string Unit, double LowInput, double HighInput, double AtLow, double AtHigh,
    string? LowLevel = null, string? HighLevel = null)
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
        var bars = design.Inputs.Select(i => i.IsVariant ? VariantBar(design, at, i, nominal.Value, outcome) : new SwingBar(i.Name, i.Unit, i.Low, i.High,
                at(design.RunFor(RunRole.Low, i.Name)).Outcomes[outcome].Value,
                at(design.RunFor(RunRole.High, i.Name)).Outcomes[outcome].Value))
            .OrderBy(b => double.IsNaN(b.Swing) ? 1 : 0)
            .ThenByDescending(b => double.IsNaN(b.Swing) ? 0 : b.Swing)
            .ThenBy(b => b.Input, StringComparer.Ordinal)
            .ToList();
        return new Tornado(outcome, nominal.Kind, nominal.Value, bars);
    }

    // A variant's bar: the least and the most over its levels, the nominal one included (the first level of the least
    // and of the most, in the levels' order, when several tie; a NaN outcome makes the bar NaN).
    private static SwingBar VariantBar(SweepDesign design, Func<SweepRun, RunRow> at, UncertainInput input, double nominal, string outcome)
    {
        var values = new (int Level, double Value)[input.Levels!.Count];
        values[(int)input.Nominal] = ((int)input.Nominal, nominal);
        foreach (SweepRun run in design.RunsVarying(input.Name))
        {
            int level = (int)run.Inputs[input.Name];
            values[level] = (level, at(run).Outcomes[outcome].Value);
        }

        if (values.Any(v => double.IsNaN(v.Value)))
        {
            return new SwingBar(input.Name, input.Unit, 0, 0, double.NaN, double.NaN, input.Levels[0], input.Levels[0]);
        }

        var low = values.MinBy(v => v.Value);
        var high = values.MaxBy(v => v.Value);
        return new SwingBar(input.Name, input.Unit, low.Level, high.Level, low.Value, high.Value, input.Levels[low.Level], input.Levels[high.Level]);
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
