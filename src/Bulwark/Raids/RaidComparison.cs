namespace Bulwark.Raids;

/// <summary>A difference between two architectures (B − A, the first one the baseline), with its 95% interval from the paired trials.</summary>
/// <param name="Mean">mean of the per-trial differences</param>
/// <param name="Variance">sample variance of the per-trial differences</param>
/// <param name="Low">95% interval, low</param>
/// <param name="High">95% interval, high</param>
public sealed record Difference(double Mean, double Variance, double Low, double High)
{
    /// <summary>The mean difference of two per-trial series, trial by trial, with its normal 95% interval.</summary>
    public static Difference Paired(IReadOnlyList<int> a, IReadOnlyList<int> b) => Of(a, b, x => x);

    /// <summary>The difference in the fraction of trials with zero leakers (paired indicators).</summary>
    public static Difference PairedZero(IReadOnlyList<int> leakersA, IReadOnlyList<int> leakersB) => Of(leakersA, leakersB, x => x == 0 ? 1 : 0);

    private static Difference Of(IReadOnlyList<int> a, IReadOnlyList<int> b, Func<int, int> f)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired series need equal lengths ({a.Count} vs {b.Count})");
        }

        var d = new double[a.Count];
        for (int t = 0; t < d.Length; t++)
        {
            d[t] = f(b[t]) - f(a[t]);
        }

        var (mean, variance, low, high) = Proportion.Mean(d);
        return new Difference(mean, variance, low, high);
    }
}

/// <summary>One architecture against the baseline (the first listed), on common random numbers.</summary>
/// <param name="Id">the architecture</param>
/// <param name="Baseline">the baseline architecture</param>
/// <param name="Leakers">difference in leakers per trial</param>
/// <param name="PZeroLeakers">difference in P(zero leakers)</param>
/// <param name="InterceptorsUsed">difference in interceptors used per trial</param>
public sealed record ArchitectureDifference(string Id, string Baseline, Difference Leakers, Difference PZeroLeakers, Difference InterceptorsUsed)
{
    /// <summary>Each of <paramref name="results"/> after the first against the first (trials paired by index).</summary>
    public static IReadOnlyList<ArchitectureDifference> Against(IReadOnlyList<(string Id, RaidResult Result)> results) =>
        [.. results.Skip(1).Select(r => new ArchitectureDifference(r.Id, results[0].Id,
            Difference.Paired(results[0].Result.LeakersPerTrial, r.Result.LeakersPerTrial),
            Difference.PairedZero(results[0].Result.LeakersPerTrial, r.Result.LeakersPerTrial),
            Difference.Paired(results[0].Result.UsedPerTrial, r.Result.UsedPerTrial)))];
}
