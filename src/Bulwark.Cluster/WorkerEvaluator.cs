using System.Collections.Concurrent;
using Bulwark.Sweeps;

namespace Bulwark.Cluster;

/// <summary>
/// A worker's model runner: refuses jobs of another model version or an unknown kind, builds each job's evaluator once
/// (building one may be expensive) and evaluates up to <see cref="Threads"/> runs at once on the thread pool.
/// </summary>
internal sealed class WorkerEvaluator
{
    // Jobs whose evaluators are kept; a coordinator runs one job at a time, so a few are plenty.
    private const int CachedJobs = 4;

    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<JobText, Lazy<Func<InputSet, Outcomes>>> _evaluators = new();
    private readonly ConcurrentDictionary<JobText, bool> _seen = new();
    private readonly Action<string> _log;
    private long _done;

    public WorkerEvaluator(string name, int threads, Action<string> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Name = name;
        Threads = threads;
        _gate = new SemaphoreSlim(threads, threads);
        _log = log;
    }

    public string Name { get; }

    public int Threads { get; }

    /// <summary>Runs evaluated so far.</summary>
    public long Done => Interlocked.Read(ref _done);

    public WorkerInfo Describe() =>
        new(Name, Threads, SweepVersion.Current, [.. SweepModels.Kinds]);

    public async Task<RunReply> Evaluate(JobText job, string inputsJson)
    {
        if (Refusal(job) is { } refusal)
        {
            if (_seen.TryAdd(job, false))
            {
                _log($"refused a job: {refusal}");
            }

            return new RunReply(null, refusal, null);
        }

        if (_seen.TryAdd(job, true))
        {
            _log($"new job: kind '{job.Kind}', spec {job.Spec.Length} characters");
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                try
                {
                    Outcomes outcomes = EvaluatorOf(job)(RunJson.ReadInputs(inputsJson))
                        ?? throw new InvalidOperationException("the model returned no outcomes");
                    Interlocked.Increment(ref _done);
                    return new RunReply(RunJson.Outcomes(outcomes), null, null);
                }
                catch (Exception e)
                {
                    return new RunReply(null, null, $"{e.GetType().Name}: {e.Message}");
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? Refusal(JobText job)
    {
        if (job.ModelVersion != SweepVersion.Current)
        {
            return $"the job's model version is {job.ModelVersion} but this worker's is {SweepVersion.Current}: run workers built from the coordinator's sources";
        }

        return SweepModels.Knows(job.Kind)
            ? null
            : $"this worker knows no sweep model of kind '{job.Kind}' (it knows: {string.Join(", ", SweepModels.Kinds)})";
    }

    private Func<InputSet, Outcomes> EvaluatorOf(JobText job)
    {
        if (_evaluators.Count >= CachedJobs && !_evaluators.ContainsKey(job))
        {
            _evaluators.Clear();
        }

        return _evaluators.GetOrAdd(job, j => new Lazy<Func<InputSet, Outcomes>>(
            () => SweepModels.Evaluator(new SweepJob(j.Kind, j.Spec, j.ModelVersion)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
