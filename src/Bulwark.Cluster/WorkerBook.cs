namespace Bulwark.Cluster;

/// <summary>What a <see cref="ClusterExecutor"/> knows of the workers, across its sweeps: state and runs done.</summary>
internal sealed class WorkerBook(JobText job, Action<string> log)
{
    public const string Active = "active";
    public const string Lost = "lost";
    public const string Refusing = "refusing";

    private readonly Dictionary<string, Worker> _all = new(StringComparer.Ordinal);

    /// <summary>Guards every field of the book, its workers and the dispatch's state.</summary>
    public object Gate { get; } = new();

    public JobText Job { get; } = job;

    public Action<string> Log { get; } = log;

    public bool Disposed { get; set; }

    public IEnumerable<Worker> All => _all.Values;

    public Worker? Find(string silo) => _all.GetValueOrDefault(silo);

    public void Add(Worker worker) => _all[worker.Silo] = worker;

    public IReadOnlyList<WorkerTally> Tallies()
    {
        lock (Gate)
        {
            return [.. _all.Values.OrderBy(w => w.Silo, StringComparer.Ordinal).Select(w => new WorkerTally(w.Silo, w.Name, w.Threads, w.Done, w.State))];
        }
    }

    /// <summary>One worker silo.</summary>
    internal sealed class Worker(string silo, IRunWorkerGrain grain)
    {
        public string Silo { get; } = silo;

        public IRunWorkerGrain Grain { get; } = grain;

        public string Name { get; set; } = silo;

        public int Threads { get; set; } = 1;

        public int Done { get; set; }

        public string State { get; set; } = Lost;

        /// <summary>When a lost worker that the membership still lists is asked again whether it answers.</summary>
        public DateTime ProbeAgainAt { get; set; }

        /// <summary>Runs sent to it and not yet answered.</summary>
        public HashSet<RunDispatch.Attempt> Live { get; } = [];

        /// <summary>Why it refuses the job, if it does.</summary>
        public string? Refusal { get; set; }
    }
}
