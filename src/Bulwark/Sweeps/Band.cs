namespace Bulwark.Sweeps;

/// <summary>
/// The spread of one outcome over a sample of runs: minimum, 5th and 95th percentiles, maximum, and the nominal run's
/// value beside them. Percentiles by linear interpolation between order statistics (Hyndman and Fan's type 7, the
/// default of R's <c>quantile</c> and NumPy's <c>percentile</c>): for n sorted values x₀ ≤ … ≤ xₙ₋₁, the p-quantile is
/// x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) with h = (n − 1)p.
/// </summary>
/// <param name="Outcome">the outcome's name</param>
/// <param name="Count">the runs with a value (NaN values, an outcome that does not exist in a run, are left out)</param>
/// <param name="Missing">the runs whose value is NaN</param>
/// <param name="Min">the smallest value</param>
/// <param name="P5">the 5th percentile</param>
/// <param name="P95">the 95th percentile</param>
/// <param name="Max">the largest value</param>
/// <param name="Nominal">the nominal run's value (NaN if not given)</param>
public sealed record Band(string Outcome, int Count, int Missing, double Min, double P5, double P95, double Max, double Nominal)
{
    /// <summary>The band of <paramref name="values"/> (all NaN or none: every statistic NaN, <see cref="Count"/> 0).</summary>
    public static Band Of(string outcome, IEnumerable<double> values, double nominal = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToList();
        double[] sorted = [.. all.Where(v => !double.IsNaN(v)).Order()];
        int missing = all.Count - sorted.Length;
        return sorted.Length == 0
            ? new Band(outcome, 0, missing, double.NaN, double.NaN, double.NaN, double.NaN, nominal)
            : new Band(outcome, sorted.Length, missing, sorted[0], Percentile(sorted, 0.05), Percentile(sorted, 0.95), sorted[^1], nominal);
    }

    /// <summary>
    /// The band of outcome <paramref name="outcome"/> over <paramref name="samples"/> (yes/no outcomes as 1 and 0, so
    /// their band shows whether the answer ever changes), with the value of <paramref name="nominal"/> if given.
    /// </summary>
    /// <exception cref="KeyNotFoundException">a run lacks the outcome</exception>
    public static Band Of(string outcome, IEnumerable<RunRow> samples, RunRow? nominal = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Of(outcome, samples.Select(r => r.Outcomes[outcome].Value), nominal?.Outcomes[outcome].Value ?? double.NaN);
    }

    /// <summary>The <paramref name="p"/>-quantile (p in [0, 1]) of ascending <paramref name="sorted"/> values, type 7.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        double h = (sorted.Count - 1) * p;
        int below = (int)Math.Floor(h);
        if (below >= sorted.Count - 1)
        {
            return sorted[^1];
        }

        double lo = sorted[below];
        double hi = sorted[below + 1];
        return lo == hi ? lo : lo + (h - below) * (hi - lo);
    }

    /// <summary>The share of runs answering yes, for a yes/no outcome (NaN with no runs).</summary>
    /// <exception cref="KeyNotFoundException">a run lacks the outcome</exception>
    public static double YesShare(string outcome, IReadOnlyCollection<RunRow> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples.Count == 0 ? double.NaN : samples.Count(r => r.Outcomes[outcome].IsYes) / (double)samples.Count;
    }
}
