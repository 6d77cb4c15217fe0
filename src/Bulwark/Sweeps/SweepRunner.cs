using System.Collections.Concurrent;

namespace Bulwark.Sweeps;

/// <summary>Where a sweep stands, for progress displays.</summary>
/// <param name="Done">runs finished (computed now or found in the store)</param>
/// <param name="Total">runs in the design</param>
/// <param name="Computed">runs computed by this call so far</param>
/// <param name="Reused">runs found in the store</param>
/// <param name="RunsPerS">computed runs per second of wall-clock time so far (0 before the first)</param>
/// <param name="Remaining">the time the remaining runs should take at that rate (null before the first)</param>
public readonly record struct SweepProgress(int Done, int Total, int Computed, int Reused, double RunsPerS, TimeSpan? Remaining);

/// <summary>What a sweep gave: its rows in design order and how many runs were computed and reused.</summary>
/// <param name="Rows">one row per run of the design, by ordinal, as the store holds them</param>
/// <param name="Computed">distinct runs computed by this call</param>
/// <param name="Reused">runs of the design found in the store (runs repeated in the design count once per place)</param>
public sealed record SweepResult(IReadOnlyList<RunRow> Rows, int Computed, int Reused);

/// <summary>
/// Runs a design's missing runs through the caller's evaluator and keeps each in a <see cref="RunStore"/> as it
/// finishes: runs already stored (an interrupted sweep, another sweep with the same runs) are reused, never recomputed.
/// The rows returned are read back from the store in design order, so they are the same, bit for bit, whatever the
/// number of threads, the order runs finished in, or the number of interruptions (given an evaluator that is a pure
/// function of its inputs).
/// </summary>
public sealed class SweepRunner
{
    private readonly RunStore _store;
    private readonly TimeProvider _clock;

    /// <param name="store">where runs are kept</param>
    /// <param name="maxDegreeOfParallelism">the most runs evaluated at once (at least 1)</param>
    /// <param name="progress">told after each run (from the finishing thread); null: nobody</param>
    /// <param name="clock">the clock for <see cref="SweepProgress.RunsPerS"/> (null: the system's); never stored</param>
    public SweepRunner(RunStore store, int maxDegreeOfParallelism = 1, IProgress<SweepProgress>? progress = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        _store = store;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        Progress = progress;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The most runs evaluated at once.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Where progress goes, if anywhere.</summary>
    public IProgress<SweepProgress>? Progress { get; }

    /// <summary>
    /// Runs what the store lacks of <paramref name="design"/> and returns every row. If the evaluator throws or
    /// <paramref name="cancellation"/> fires, the runs finished so far stay stored, the others are abandoned, and the
    /// exception is rethrown (the first one if several threads fail); calling again resumes.
    /// </summary>
    /// <param name="design">the runs</param>
    /// <param name="evaluate">the model: a pure function of the inputs (it may be called on several threads at once)</param>
    /// <param name="cancellation">stops starting new runs</param>
    public SweepResult Run(SweepDesign design, Func<InputSet, Outcomes> evaluate, CancellationToken cancellation = default) =>
        Run(design, new LocalExecutor(evaluate, MaxDegreeOfParallelism), cancellation);

    /// <summary>
    /// As <see cref="Run(SweepDesign, Func{InputSet, Outcomes}, CancellationToken)"/>, with the runs evaluated by
    /// <paramref name="executor"/> (a cluster, say) instead of this runner's threads.
    /// </summary>
    public SweepResult Run(SweepDesign design, IRunExecutor executor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(executor);
        int total = design.Runs.Count;

        // What the store already has: link its runs to this sweep's places in one transaction; the rest are to do,
        // each distinct key once (a run repeated in the design is computed once and stored at each place).
        var members = _store.All(design.Id).Select(r => r.Ordinal).ToHashSet();
        var link = new List<RunRow>();
        var todo = new List<IGrouping<string, SweepRun>>();
        int reused = 0;
        foreach (IGrouping<string, SweepRun> same in design.Runs.GroupBy(r => r.Key, StringComparer.Ordinal))
        {
            if (_store.TryGet(same.Key, out StoredRun stored))
            {
                reused += same.Count();
                link.AddRange(same.Where(r => !members.Contains(r.Ordinal)).Select(r => new RunRow(design.Id, r.Ordinal, r.Key, stored.Inputs, stored.Outcomes)));
            }
            else
            {
                todo.Add(same);
            }
        }

        _store.Put(link);
        int done = reused;
        int computed = 0;
        long start = _clock.GetTimestamp();
        Report(done, total, computed, reused, start);

        // Each distinct key once; a run repeated in the design is stored at each of its places.
        var places = todo.ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var reported = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        executor.Execute([.. todo.Select(g => g.First())], (run, outcomes) =>
        {
            ArgumentNullException.ThrowIfNull(outcomes);
            if (!places.ContainsKey(run.Key) || !reported.TryAdd(run.Key, true))
            {
                return; // not asked for, or reported before
            }

            _store.Put([.. places[run.Key].Select(r => new RunRow(design.Id, r.Ordinal, r.Key, r.Inputs, outcomes))]);
            int c = Interlocked.Increment(ref computed);
            int d = Interlocked.Add(ref done, places[run.Key].Length);
            Report(d, total, c, reused, start);
        }, cancellation);

        IReadOnlyList<RunRow> rows = _store.All(design.Id);
        if (rows.Count != total)
        {
            throw new InvalidOperationException($"sweep {design.Id} has {rows.Count} stored runs of {total} after running");
        }

        return new SweepResult(rows, computed, reused);
    }

    /// <summary>
    /// One run outside a design (a bisection step): the stored run of the same key if there is one (then linked to
    /// <paramref name="sweep"/> at <paramref name="ordinal"/>), otherwise computed by <paramref name="executor"/> and stored.
    /// </summary>
    /// <returns>the row, and whether it was computed by this call</returns>
    public (RunRow Row, bool Computed) RunOne(string sweep, int ordinal, string studyId, string modelVersion, InputSet inputs, RunRole role,
        IRunExecutor executor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(executor);
        string key = RunKey.Of(studyId, modelVersion, inputs);
        if (_store.TryGet(key, out StoredRun stored))
        {
            var linked = new RunRow(sweep, ordinal, key, stored.Inputs, stored.Outcomes);
            _store.Put(linked);
            return (linked, false);
        }

        RunRow? row = null;
        executor.Execute([new SweepRun(ordinal, role, null, inputs, key)], (run, outcomes) =>
        {
            row ??= new RunRow(sweep, ordinal, key, inputs, outcomes ?? throw new InvalidOperationException($"no outcomes for run {ordinal} of {sweep}"));
        }, cancellation);
        if (row is null)
        {
            throw new InvalidOperationException($"the executor finished without run {ordinal} of {sweep}");
        }

        _store.Put(row);
        return (row, true);
    }

    private void Report(int done, int total, int computed, int reused, long start)
    {
        if (Progress is null)
        {
            return;
        }

        double seconds = _clock.GetElapsedTime(start).TotalSeconds;
        double rate = computed > 0 && seconds > 0 ? computed / seconds : 0;
        TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : null;
        Progress.Report(new SweepProgress(done, total, computed, reused, rate, remaining));
    }
}
