using System.Globalization;

namespace Bulwark.Sweeps;

/// <summary>Which end of an input's range a run took.</summary>
public enum FlipSide
{
    /// <summary>The input at its low value.</summary>
    Low,

    /// <summary>The input at its high value.</summary>
    High,

    /// <summary>A variant at another level than its nominal one.</summary>
    Level,
}

/// <summary>
/// A yes/no conclusion that changes when one input goes to one end of its range (the others nominal).
/// </summary>
/// <param name="Input">the input's name</param>
/// <param name="Unit">its unit</param>
/// <param name="Side">the end of the range where the answer differs from the nominal run's</param>
/// <param name="NominalInput">the input's nominal value</param>
/// <param name="SideInput">its value at that end</param>
/// <param name="AnswerAtSide">the answer there</param>
/// <param name="EstimatedValue">the input value where the answer changes, by linear interpolation of the underlying
/// number between the nominal run and this end; null when no underlying number was given or it does not cross its
/// threshold between them (the answer then changes somewhere between <paramref name="NominalInput"/> and <paramref name="SideInput"/>)</param>
/// <param name="Level">for a variant (<see cref="FlipSide.Level"/>): the level where the answer differs, and
/// <paramref name="NominalLevel"/> the nominal one; null for a number</param>
/// <param name="NominalLevel">the variant's nominal level</param>
public sealed record Flip(string Input, string Unit, FlipSide Side, double NominalInput, double SideInput, bool AnswerAtSide, double? EstimatedValue,
    string? Level = null, string? NominalLevel = null)
{
    /// <summary>A line for a "what flips" table, e.g. <c>no at a = 3.2 (linear estimate between nominal 4 and low 2)</c>.</summary>
    public string Description
    {
        get
        {
            string answer = AnswerAtSide ? "yes" : "no";
            if (Side == FlipSide.Level)
            {
                return $"{answer} at {Input} = {Level} (nominal {NominalLevel})";
            }

            string side = Side == FlipSide.Low ? "low" : "high";
            string unit = string.IsNullOrEmpty(Unit) ? "" : " " + Unit;
            return EstimatedValue is { } v
                ? $"{answer} beyond {Input} = {G(v)}{unit} (linear estimate between nominal {G(NominalInput)} and {side} {G(SideInput)})"
                : $"{answer} at {Input} = {G(SideInput)}{unit} ({side}); changes between nominal {G(NominalInput)} and {G(SideInput)}";
        }
    }

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>What flips one yes/no conclusion: its nominal answer and every input end where the answer differs.</summary>
/// <param name="Outcome">the yes/no outcome's name</param>
/// <param name="NominalAnswer">the nominal run's answer</param>
/// <param name="Flips">the flips, in the order of the design's inputs, low before high (a variant's in its levels' order)</param>
public sealed record FlipReport(string Outcome, bool NominalAnswer, IReadOnlyList<Flip> Flips);

/// <summary>A bracket around the value where an answer changes, from <see cref="Flips.Bisect"/>.</summary>
/// <param name="From">the end that gives <paramref name="AnswerAtFrom"/></param>
/// <param name="To">the end that gives the other answer</param>
/// <param name="AnswerAtFrom">the answer at <paramref name="From"/></param>
/// <param name="Evaluations">the evaluator's calls</param>
public sealed record FlipBracket(double From, double To, bool AnswerAtFrom, int Evaluations)
{
    /// <summary>The bracket's midpoint: the estimate of the value where the answer changes.</summary>
    public double Value => From + (To - From) / 2;
}

/// <summary>Which inputs flip the yes/no conclusions, and where (docs/sweeps.md).</summary>
public static class Flips
{
    /// <summary>
    /// The flips of yes/no outcome <paramref name="outcome"/> in a one-at-a-time sweep: each input end whose run answers
    /// differently from the nominal run. If the answer is "<paramref name="number"/> above <paramref name="threshold"/>"
    /// (or below), give that number's name and the threshold, and each flip gets the input value where the number,
    /// interpolated linearly between the nominal run and that end, reaches the threshold. A variant flips at each level
    /// whose run answers differently, in the levels' order.
    /// </summary>
    /// <exception cref="ArgumentException">the design is not one-at-a-time, or a run is missing from the rows</exception>
    /// <exception cref="KeyNotFoundException">a run lacks an outcome</exception>
    /// <exception cref="InvalidOperationException">the outcome is not yes/no</exception>
    public static FlipReport Of(SweepDesign design, IReadOnlyList<RunRow> rows, string outcome, string? number = null, double threshold = 0)
    {
        var at = OneAtATimeRows.Index(design, rows);
        RunRow nominal = at(design.RunFor(RunRole.Nominal));
        bool nominalAnswer = nominal.Outcomes[outcome].IsYes;
        var flips = new List<Flip>();
        foreach (UncertainInput input in design.Inputs)
        {
            if (input.Levels is { } levels)
            {
                foreach (SweepRun varied in design.RunsVarying(input.Name))
                {
                    double level = varied.Inputs[input.Name];
                    bool atLevel = at(varied).Outcomes[outcome].IsYes;
                    if (atLevel != nominalAnswer)
                    {
                        flips.Add(new Flip(input.Name, input.Unit, FlipSide.Level, input.Nominal, level, atLevel, null, input.LevelOf(level), input.LevelOf(input.Nominal)));
                    }
                }

                continue;
            }

            foreach (FlipSide side in (FlipSide[])[FlipSide.Low, FlipSide.High])
            {
                RunRow run = at(design.RunFor(side == FlipSide.Low ? RunRole.Low : RunRole.High, input.Name));
                bool answer = run.Outcomes[outcome].IsYes;
                if (answer == nominalAnswer)
                {
                    continue;
                }

                double x0 = input.Nominal;
                double x1 = side == FlipSide.Low ? input.Low : input.High;
                double? estimate = number is null ? null
                    : Crossing(x0, nominal.Outcomes[number].Value - threshold, x1, run.Outcomes[number].Value - threshold);
                flips.Add(new Flip(input.Name, input.Unit, side, x0, x1, answer, estimate));
            }
        }

        return new FlipReport(outcome, nominalAnswer, flips);
    }

    /// <summary>
    /// Refines a flip: bisects [<paramref name="from"/>, <paramref name="to"/>] (either order), where the answers at the
    /// ends differ, until the bracket is at most <paramref name="tolerance"/> wide, calling <paramref name="answerAt"/>
    /// once per halving (plus once per end). For a conclusion that changes once in the bracket this finds where; for one
    /// that changes several times, one of the places.
    /// </summary>
    /// <exception cref="ArgumentException">the answers at the ends are the same</exception>
    /// <exception cref="InvalidOperationException">the bracket is still wider than the tolerance after <paramref name="maxEvaluations"/> calls</exception>
    public static FlipBracket Bisect(Func<double, bool> answerAt, double from, double to, double tolerance, int maxEvaluations = 200)
    {
        ArgumentNullException.ThrowIfNull(answerAt);
        if (!double.IsFinite(from) || !double.IsFinite(to))
        {
            throw new ArgumentException($"bisection needs finite ends, got {from} and {to}");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        bool atFrom = answerAt(from);
        if (answerAt(to) == atFrom)
        {
            throw new ArgumentException($"the answer is {(atFrom ? "yes" : "no")} at both {from} and {to}: nothing to bisect");
        }

        int evaluations = 2;
        while (Math.Abs(to - from) > tolerance)
        {
            if (evaluations >= maxEvaluations)
            {
                throw new InvalidOperationException($"bisection left [{from}, {to}] wider than {tolerance} after {evaluations} evaluations");
            }

            double mid = from + (to - from) / 2;
            if (mid == from || mid == to)
            {
                break; // adjacent doubles: as narrow as the numbers go
            }

            evaluations++;
            if (answerAt(mid) == atFrom)
            {
                from = mid;
            }
            else
            {
                to = mid;
            }
        }

        return new FlipBracket(from, to, atFrom, evaluations);
    }

    // Where a line through (x0, y0) and (x1, y1) crosses zero, if it does between them (y = number − threshold).
    private static double? Crossing(double x0, double y0, double x1, double y1)
    {
        if (double.IsNaN(y0) || double.IsNaN(y1) || y0 == y1 || Math.Sign(y0) == Math.Sign(y1))
        {
            return null;
        }

        return x0 + (0 - y0) * (x1 - x0) / (y1 - y0);
    }
}
