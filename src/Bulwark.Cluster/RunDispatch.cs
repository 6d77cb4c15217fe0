using Bulwark.Sweeps;
using Orleans.Runtime;

namespace Bulwark.Cluster;

/// <summary>
/// One <see cref="ClusterExecutor.Execute"/>: a queue of runs handed to workers (up to each one's thread count at once),
/// the membership read every <see cref="ClusterExecutorOptions.MembershipPoll"/>, lost workers' runs put back in the
/// queue, backup copies of runs that take too long when nothing else is left. All state is guarded by the book's gate.
/// </summary>
internal sealed class RunDispatch
{
    // A worker that failed a call but is still listed is left alone this long before it is asked again.
    private static readonly TimeSpan Quarantine = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DescribeTimeout = TimeSpan.FromSeconds(10);

    // A run out this many times longer than BackupAfter and the median run is sent again even while others are queued.
    private const double OverdueFactor = 10;

    private readonly IClusterClient _client;
    private readonly WorkerBook _book;
    private readonly ClusterExecutorOptions _options;
    private readonly Action<SweepRun, Outcomes> _finished;
    private readonly LinkedList<Item> _pending = new();
    private readonly List<double> _seconds = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly int _total;
    private int _remaining;
    private int _retried;
    private bool _closed;
    private Exception? _fatal;
    private string? _membershipProblem;
    private DateTime? _membershipLostSince;

    public RunDispatch(IClusterClient client, WorkerBook book, ClusterExecutorOptions options, IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished)
    {
        _client = client;
        _book = book;
        _options = options;
        _finished = finished;
        foreach (SweepRun run in todo)
        {
            _pending.AddLast(new Item(run, RunJson.Inputs(run.Inputs)));
        }

        _total = _remaining = todo.Count;
    }

    private Action<string> Log => _book.Log;

    public async Task RunAsync(CancellationToken cancellation)
    {
        DateTime? noneSince = null;
        DateTime nextPoll = DateTime.MinValue;
        try
        {
            while (true)
            {
                lock (_book.Gate)
                {
                    if (_fatal is not null)
                    {
                        throw _fatal;
                    }

                    if (_remaining == 0)
                    {
                        return;
                    }
                }

                cancellation.ThrowIfCancellationRequested();
                if (DateTime.UtcNow >= nextPoll)
                {
                    await Refresh(cancellation).ConfigureAwait(false);
                    nextPoll = DateTime.UtcNow + _options.MembershipPoll;
                }

                lock (_book.Gate)
                {
                    var usable = _book.All.Where(w => w.State == WorkerBook.Active).ToList();
                    if (usable.Count == 0)
                    {
                        noneSince ??= DateTime.UtcNow;
                        if (_book.All.FirstOrDefault(w => w.State == WorkerBook.Refusing) is { } refusing && !_book.All.Any(w => w.State == WorkerBook.Active))
                        {
                            _fatal ??= new ClusterException($"worker {refusing.Name} refuses the job: {Refusal(refusing)}");
                        }
                        else if (DateTime.UtcNow - noneSince > _options.WorkerWait)
                        {
                            _fatal ??= new ClusterException($"no usable worker in cluster for {_options.WorkerWait.TotalSeconds:0} s with {_remaining} runs left; start workers with 'bulwark worker --cluster CONN'");
                        }
                    }
                    else
                    {
                        noneSince = null;
                        ResendOverdue();
                        Hand(usable);
                    }
                }

                await _wake.WaitAsync(_options.MembershipPoll, cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_book.Gate)
            {
                _closed = true;
                foreach (WorkerBook.Worker w in _book.All)
                {
                    w.Live.Clear();
                }
            }
        }
    }

    // Fills every usable worker's free slots from the queue, the least loaded first; with the queue empty, sends backup
    // copies of runs that have been out too long.
    private void Hand(List<WorkerBook.Worker> usable)
    {
        while (true)
        {
            WorkerBook.Worker? free = usable.Where(w => w.Live.Count < w.Threads).OrderBy(w => (double)w.Live.Count / w.Threads).ThenBy(w => w.Silo, StringComparer.Ordinal).FirstOrDefault();
            if (free is null)
            {
                return;
            }

            Item? item = NextPending() ?? Backup(free);
            if (item is null)
            {
                return;
            }

            Send(item, free);
        }
    }

    private Item? NextPending()
    {
        while (_pending.First is { } first)
        {
            _pending.RemoveFirst();
            if (!first.Value.Finished)
            {
                return first.Value;
            }
        }

        return null;
    }

    private Item? Backup(WorkerBook.Worker free)
    {
        double median = _seconds.Count == 0 ? 0 : _seconds.Order().ElementAt(_seconds.Count / 2);
        TimeSpan after = TimeSpan.FromSeconds(Math.Max(_options.BackupAfter.TotalSeconds, 3 * median));
        DateTime now = DateTime.UtcNow;
        // Another worker's run first; the same worker's too (its answer may be what was lost, with a gateway).
        Item? oldest = _book.All.SelectMany(w => w.Live)
            .Where(a => !a.Item.Finished && a.Item.Live.Count == 1 && a.Item.Attempts < _options.MaxAttempts && now - a.Started > after)
            .OrderBy(a => a.Worker == free).ThenBy(a => a.Started).Select(a => a.Item).FirstOrDefault();
        if (oldest is not null)
        {
            _retried++;
            Log($"run {oldest.Run.Ordinal} out for {(now - oldest.Live[0].Started).TotalSeconds:0} s on {oldest.Live[0].Worker.Name}: a backup copy goes to {free.Name}");
        }

        return oldest;
    }

    private void Send(Item item, WorkerBook.Worker worker)
    {
        var attempt = new Attempt(item, worker, DateTime.UtcNow);
        item.Attempts++;
        item.Live.Add(attempt);
        worker.Live.Add(attempt);
        JobText job = _book.Job;
        _ = Task.Run(async () =>
        {
            RunReply? reply = null;
            Exception? error = null;
            try
            {
                reply = await worker.Grain.Evaluate(job, item.InputsJson).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e;
            }

            Complete(attempt, reply, error);
        });
    }

    private void Complete(Attempt attempt, RunReply? reply, Exception? error)
    {
        lock (_book.Gate)
        {
            if (_closed)
            {
                return;
            }

            Item item = attempt.Item;
            WorkerBook.Worker worker = attempt.Worker;
            bool current = worker.Live.Remove(attempt);
            item.Live.Remove(attempt);
            if (error is not null || reply is null)
            {
                if (current && worker.State == WorkerBook.Active)
                {
                    Lose(worker, $"a call failed ({error?.GetType().Name}: {error?.Message.Split('\n')[0].Trim()})");
                }

                Requeue(item);
            }
            else if (reply.Refusal is { } refusal)
            {
                _fatal ??= new ClusterException($"worker {worker.Name} refuses the job: {refusal}");
            }
            else if (reply.Failure is { } failure)
            {
                _fatal ??= new InvalidOperationException($"run {item.Run.Ordinal} failed on worker {worker.Name}: {failure}");
            }
            else if (!item.Finished)
            {
                item.Finished = true;
                _remaining--;
                worker.Done++;
                _seconds.Add((DateTime.UtcNow - attempt.Started).TotalSeconds);
                try
                {
                    _finished(item.Run, RunJson.ReadOutcomes(reply.OutcomesJson!));
                }
                catch (Exception e)
                {
                    _fatal ??= e;
                }

                Report();
            }
        }

        _wake.Release();
    }

    // Puts a run back at the front of the queue unless it is finished, still out elsewhere, queued, or out of attempts.
    private void Requeue(Item item)
    {
        if (item.Finished || item.Live.Count > 0 || _pending.Contains(item))
        {
            return;
        }

        if (item.Attempts >= _options.MaxAttempts)
        {
            _fatal ??= new ClusterException($"run {item.Run.Ordinal} was sent out {item.Attempts} times and lost each time (workers died or did not answer); giving up");
            return;
        }

        _retried++;
        _pending.AddFirst(item);
    }

    private void Lose(WorkerBook.Worker worker, string why)
    {
        worker.State = WorkerBook.Lost;
        worker.ProbeAgainAt = DateTime.UtcNow + Quarantine;
        Attempt[] live = [.. worker.Live];
        Log($"worker {worker.Name} lost: {why}; {live.Length} runs in flight go to other workers");
        foreach (Attempt a in live)
        {
            Abandon(a);
            Requeue(a.Item);
        }

        // The client sends each call through a gateway chosen by the grain's hash, so calls to the other workers may
        // have gone through the lost worker's gateway, and their answers are lost with it (the calls then hang until
        // the response timeout). Send those runs again now; an original answer that does come is still taken.
        Attempt[] others = [.. _book.All.Where(w => w.State == WorkerBook.Active).SelectMany(w => w.Live).Where(a => a.Item.Attempts < _options.MaxAttempts)];
        foreach (Attempt a in others)
        {
            Abandon(a);
            Requeue(a.Item);
        }

        if (others.Length > 0)
        {
            Log($"{others.Length} runs in flight on other workers are sent again (their answers may have been routed through {worker.Name})");
        }

        Report();
    }

    // Forgets an attempt (its worker's slot is free again); its answer, if it comes, is still taken.
    private static void Abandon(Attempt a)
    {
        a.Worker.Live.Remove(a);
        a.Item.Live.Remove(a);
    }

    // Runs out for much longer than usual (a lost answer, a stuck worker) are sent again, freeing their slots.
    private void ResendOverdue()
    {
        double median = _seconds.Count == 0 ? 0 : _seconds.Order().ElementAt(_seconds.Count / 2);
        TimeSpan after = TimeSpan.FromSeconds(Math.Max(OverdueFactor * _options.BackupAfter.TotalSeconds, OverdueFactor * median));
        DateTime now = DateTime.UtcNow;
        foreach (Attempt a in _book.All.SelectMany(w => w.Live).Where(a => now - a.Started > after && a.Item.Attempts < _options.MaxAttempts).ToList())
        {
            Log($"run {a.Item.Run.Ordinal} out for {(now - a.Started).TotalSeconds:0} s on {a.Worker.Name}: sent again");
            Abandon(a);
            Requeue(a.Item);
        }
    }

    // Reads the active silos: new ones are asked who they are (and join if they take the job), vanished ones are lost.
    private async Task Refresh(CancellationToken cancellation)
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(DescribeTimeout, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            string problem = $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";
            if (problem != _membershipProblem)
            {
                Log($"cannot read the membership ({problem}); trying every {_options.MembershipPoll.TotalSeconds:0.#} s");
                _membershipProblem = problem;
            }

            _membershipLostSince ??= DateTime.UtcNow;
            if (DateTime.UtcNow - _membershipLostSince > _options.WorkerWait)
            {
                lock (_book.Gate)
                {
                    _fatal ??= new ClusterException($"the cluster could not be reached for {_options.WorkerWait.TotalSeconds:0} s ({problem}) with {_remaining} runs left");
                }
            }

            return;
        }

        _membershipLostSince = null;
        if (_membershipProblem is not null)
        {
            Log("the membership can be read again");
            _membershipProblem = null;
        }

        var active = hosts.Keys.Select(s => s.ToParsableString()).ToHashSet(StringComparer.Ordinal);
        var ask = new List<WorkerBook.Worker>();
        lock (_book.Gate)
        {
            foreach (WorkerBook.Worker w in _book.All.Where(w => w.State == WorkerBook.Active && !active.Contains(w.Silo)).ToList())
            {
                Lose(w, "it left the cluster");
            }

            foreach (string silo in active)
            {
                WorkerBook.Worker? w = _book.Find(silo);
                if (w is null)
                {
                    w = new WorkerBook.Worker(silo, _client.GetGrain<IRunWorkerGrain>(silo));
                    _book.Add(w);
                    ask.Add(w);
                }
                else if (w.State == WorkerBook.Lost && DateTime.UtcNow >= w.ProbeAgainAt)
                {
                    w.ProbeAgainAt = DateTime.UtcNow + Quarantine;
                    ask.Add(w);
                }
            }
        }

        await Task.WhenAll(ask.Select(w => Describe(w, cancellation))).ConfigureAwait(false);
    }

    private async Task Describe(WorkerBook.Worker worker, CancellationToken cancellation)
    {
        WorkerInfo info;
        try
        {
            info = await worker.Grain.Describe().WaitAsync(DescribeTimeout, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            lock (_book.Gate)
            {
                worker.ProbeAgainAt = DateTime.UtcNow + Quarantine;
            }

            Log($"silo {worker.Silo} does not answer ({e.GetType().Name}); asking again in {Quarantine.TotalSeconds:0} s");
            return;
        }

        lock (_book.Gate)
        {
            worker.Name = info.Name;
            worker.Threads = Math.Max(1, info.Threads);
            JobText job = _book.Job;
            if (info.ModelVersion != job.ModelVersion || !info.Kinds.Contains(job.Kind, StringComparer.Ordinal))
            {
                worker.State = WorkerBook.Refusing;
                worker.Refusal = info.ModelVersion != job.ModelVersion
                    ? $"the job's model version is {job.ModelVersion} but this worker's is {info.ModelVersion}: run workers built from the coordinator's sources"
                    : $"this worker knows no sweep model of kind '{job.Kind}' (it knows: {string.Join(", ", info.Kinds)})";
                Log($"worker {info.Name} ({worker.Silo}) refuses the job: {worker.Refusal}");
            }
            else
            {
                worker.State = WorkerBook.Active;
                Log($"worker {info.Name} ({worker.Silo}) takes runs: {info.Threads} threads");
            }

            Report();
        }

        _wake.Release();
    }

    private static string Refusal(WorkerBook.Worker worker) => worker.Refusal ?? "it refuses";

    private void Report() =>
        _options.Progress?.Report(new ClusterProgress(_total - _remaining, _total, _retried,
            [.. _book.All.OrderBy(w => w.Silo, StringComparer.Ordinal).Select(w => new WorkerTally(w.Silo, w.Name, w.Threads, w.Done, w.State))]));

    /// <summary>A run to do.</summary>
    internal sealed class Item(SweepRun run, string inputsJson)
    {
        public SweepRun Run { get; } = run;

        public string InputsJson { get; } = inputsJson;

        public int Attempts { get; set; }

        public bool Finished { get; set; }

        public List<Attempt> Live { get; } = [];
    }

    /// <summary>A run sent to a worker.</summary>
    internal sealed class Attempt(Item item, WorkerBook.Worker worker, DateTime started)
    {
        public Item Item { get; } = item;

        public WorkerBook.Worker Worker { get; } = worker;

        public DateTime Started { get; } = started;
    }
}
