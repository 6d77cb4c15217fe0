namespace Bulwark.Sweeps;

/// <summary>
/// Evaluates a sweep's runs somewhere: on this machine's threads (<see cref="LocalExecutor"/>) or on a cluster of
/// workers (the Bulwark.Cluster assembly). <see cref="SweepRunner"/> hands it only the runs its store lacks and stores
/// each result as the executor reports it, so an executor never writes the store itself.
/// </summary>
public interface IRunExecutor
{
    /// <summary>
    /// Evaluates every run of <paramref name="todo"/> (their keys are distinct) and calls <paramref name="finished"/> once
    /// per run as it completes, from any thread and possibly for several runs at once (a second report of the same run
    /// is ignored, so an executor that retried a run it thought lost need not care). Returns when every run has finished; if a run fails for good or <paramref name="cancellation"/> fires,
    /// throws after reporting what did finish (the runner has stored those).
    /// </summary>
    void Execute(IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished, CancellationToken cancellation);
}
