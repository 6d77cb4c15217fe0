namespace Bulwark.Raids;

/// <summary>How to run a raid's trials.</summary>
/// <param name="Trials">number of trials</param>
/// <param name="Seed">the seed every draw derives from</param>
/// <param name="MaxDegreeOfParallelism">threads at most (−1: as many as the runtime likes); the result does not depend on it</param>
/// <param name="InventoryStepS">spacing of the inventory-over-time samples, s</param>
public sealed record RaidRunOptions(int Trials, ulong Seed, int MaxDegreeOfParallelism = -1, double InventoryStepS = 10);

/// <summary>
/// Runs a raid's trials in parallel (<see cref="BattleManager"/> per trial). Trials are cut into fixed chunks whose sums
/// are merged in chunk order, and every draw is keyed by (seed, trial, missile, purpose, index), so the result is the
/// same bytes whatever the number of threads.
/// </summary>
public static class RaidSimulation
{
    private const int ChunkTrials = 512;

    public static RaidResult Run(RaidProblem p, RaidRunOptions options, IProgress<int>? progress = null)
    {
        if (options.Trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Trials, "need at least one trial");
        }

        int m = p.Missiles.Count, nb = p.Batteries.Count;
        double horizon = Horizon(p);
        int samples = (int)Math.Ceiling(horizon / options.InventoryStepS) + 1;
        var times = Enumerable.Range(0, samples).Select(k => k * options.InventoryStepS).ToArray();
        var leakers = new int[options.Trials];
        var usedPerTrial = new int[options.Trials];
        int chunks = (options.Trials + ChunkTrials - 1) / ChunkTrials;
        var partial = new Sums[chunks];
        int done = 0;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, c =>
        {
            var s = new Sums(m, nb, p.Targets.Count, samples);
            int end = Math.Min(options.Trials, (c + 1) * ChunkTrials);
            for (int t = c * ChunkTrials; t < end; t++)
            {
                TrialOutcome o = BattleManager.Run(p, options.Seed, t);
                leakers[t] = o.Leakers;
                usedPerTrial[t] = o.InterceptorsUsed;
                s.Add(p, o, times);
            }

            partial[c] = s;
            progress?.Report(Interlocked.Add(ref done, end - c * ChunkTrials));
        });

        var total = new Sums(m, nb, p.Targets.Count, samples);
        foreach (Sums s in partial)
        {
            total.Merge(s);
        }

        return total.Result(p, options, times, leakers, usedPerTrial);
    }

    /// <summary>The last nominal impact, plus the launch uncertainty: the end of the inventory-over-time samples.</summary>
    private static double Horizon(RaidProblem p) =>
        p.Missiles.Max(x => x.LaunchS + x.Kinds.Max(k => p.Kinds[k.Kind].ImpactS)) + p.LaunchTimeUncertaintyS;

    /// <summary>Exact integer counts and sums in trial order: merged in chunk order they give the same result on any thread count.</summary>
    private sealed class Sums(int missiles, int batteries, int targets, int samples)
    {
        private readonly long[] histogram = new long[missiles + 1];
        private readonly long[] used = new long[batteries];
        private readonly long[] ranOut = new long[batteries];
        private readonly double[] ranOutSumS = new double[batteries];
        private readonly double[] ranOutMinS = Enumerable.Repeat(double.PositiveInfinity, batteries).ToArray();
        private readonly long[] aimed = new long[targets];
        private readonly long[] leakedAt = new long[targets];
        private readonly long[] leaked = new long[missiles];
        private readonly long[,] spent = new long[batteries, samples];
        private long trials, leakersAfterRunOut, leakersUnengaged;

        public void Add(RaidProblem p, TrialOutcome o, double[] times)
        {
            trials++;
            histogram[o.Leakers]++;
            double firstRunOut = double.PositiveInfinity;
            for (int b = 0; b < batteries; b++)
            {
                used[b] += o.Used[b];
                if (!double.IsNaN(o.RunOutS[b]))
                {
                    ranOut[b]++;
                    ranOutSumS[b] += o.RunOutS[b];
                    ranOutMinS[b] = Math.Min(ranOutMinS[b], o.RunOutS[b]);
                    firstRunOut = Math.Min(firstRunOut, o.RunOutS[b]);
                }
            }

            var engaged = new bool[missiles];
            foreach (Launch l in o.Launches)
            {
                engaged[l.Missile] = true;
            }

            for (int i = 0; i < missiles; i++)
            {
                if (o.Leaked[i] && !engaged[i])
                {
                    leakersUnengaged++;
                }

                int target = IndexOf(p.Targets, p.Kinds[o.Kind[i]].TargetId);
                aimed[target]++;
                if (o.Leaked[i])
                {
                    leaked[i]++;
                    leakedAt[target]++;
                    if (o.LaunchS[i] >= firstRunOut)
                    {
                        leakersAfterRunOut++;
                    }
                }
            }

            foreach (Launch l in o.Launches)
            {
                int k = (int)Math.Ceiling(l.TimeS / (times.Length > 1 ? times[1] : 1));
                for (int g = Math.Max(0, k); g < times.Length; g++)
                {
                    spent[l.Battery, g] += l.Count;
                }
            }
        }

        public void Merge(Sums s)
        {
            trials += s.trials;
            leakersAfterRunOut += s.leakersAfterRunOut;
            leakersUnengaged += s.leakersUnengaged;
            for (int i = 0; i < histogram.Length; i++) histogram[i] += s.histogram[i];
            for (int b = 0; b < batteries; b++)
            {
                used[b] += s.used[b];
                ranOut[b] += s.ranOut[b];
                ranOutSumS[b] += s.ranOutSumS[b];
                ranOutMinS[b] = Math.Min(ranOutMinS[b], s.ranOutMinS[b]);
                for (int g = 0; g < samples; g++) spent[b, g] += s.spent[b, g];
            }

            for (int t = 0; t < targets; t++)
            {
                aimed[t] += s.aimed[t];
                leakedAt[t] += s.leakedAt[t];
            }

            for (int i = 0; i < missiles; i++) leaked[i] += s.leaked[i];
        }

        public RaidResult Result(RaidProblem p, RaidRunOptions options, double[] times, int[] leakersPerTrial, int[] usedPerTrial)
        {
            double n = trials;
            long totalLeakers = 0;
            for (int k = 0; k < histogram.Length; k++) totalLeakers += k * histogram[k];
            var batteryResults = p.Batteries.Select((b, i) => new BatteryResult(b.Id, b.Inventory, used[i] / n, b.Inventory - used[i] / n, ranOut[i] / n,
                ranOut[i] > 0 ? ranOutSumS[i] / ranOut[i] : null, ranOut[i] > 0 ? ranOutMinS[i] : null)).ToList();
            var inventory = p.Batteries.Select((b, i) => (IReadOnlyList<double>)[.. Enumerable.Range(0, samples).Select(g => b.Inventory - spent[i, g] / n)]).ToList();
            return new RaidResult(
                options.Trials,
                options.Seed,
                totalLeakers / n,
                histogram[0] / n,
                Proportion.Wilson(histogram[0], trials),
                used.Sum() / n,
                leakersAfterRunOut / n,
                leakersUnengaged / n,
                histogram,
                batteryResults,
                [.. p.Targets.Select((t, i) => new TargetResult(t, aimed[i] / n, leakedAt[i] / n))],
                [.. p.Missiles.Select((x, i) => new MissileResult(x.Label, x.LaunchS, leaked[i] / n))],
                times,
                inventory,
                leakersPerTrial,
                usedPerTrial);
        }

        private static int IndexOf(IReadOnlyList<string> list, string id)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i] == id) return i;
            }

            throw new InvalidOperationException($"unknown target {id}");
        }
    }
}
