namespace Bulwark.Cluster;

/// <summary>How a <see cref="ClusterExecutor"/> waits, retries and reports (docs/cluster.md states the defaults).</summary>
public sealed record ClusterExecutorOptions
{
    /// <summary>How long to wait for a usable worker when there is none (at the start, or after every worker died) before failing: 60 s.</summary>
    public TimeSpan WorkerWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times one run is sent out at most (its first try, retries after a worker was lost, and backup copies): 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long one call may take before Orleans gives up on it (then the run is retried elsewhere): 5 minutes.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the membership is read for workers that joined or died: every 0.5 s.</summary>
    public TimeSpan MembershipPoll { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// A run in flight this long, and longer than three times the median run so far, gets a backup copy on an idle
    /// worker when nothing else is left to do (the first answer wins): 5 s. Covers answers lost with a dead gateway.
    /// </summary>
    public TimeSpan BackupAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets one line per state change (worker joined, lost, retry); null: nobody.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Told after each finished run and each change of the workers; null: nobody.</summary>
    public IProgress<ClusterProgress>? Progress { get; init; }
}

/// <summary>One worker's part in a sweep.</summary>
/// <param name="Silo">its silo address</param>
/// <param name="Name">its name</param>
/// <param name="Threads">the most runs it takes at once</param>
/// <param name="Done">runs it finished for this executor (first answers only)</param>
/// <param name="State">active, lost (died or stopped answering) or refusing (another model version or kind)</param>
public sealed record WorkerTally(string Silo, string Name, int Threads, int Done, string State);

/// <summary>Where a cluster sweep stands.</summary>
/// <param name="Done">runs of this call finished</param>
/// <param name="Total">runs this call was given</param>
/// <param name="Retried">runs sent again after a worker was lost or as backup copies</param>
/// <param name="Workers">every worker seen, by silo address</param>
public sealed record ClusterProgress(int Done, int Total, int Retried, IReadOnlyList<WorkerTally> Workers);
