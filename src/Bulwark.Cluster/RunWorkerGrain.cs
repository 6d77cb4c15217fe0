using Orleans.Concurrency;

namespace Bulwark.Cluster;

/// <summary>
/// The run-evaluating grain of one worker silo (placed there by <see cref="OnKeyedSiloAttribute"/>). Reentrant: the
/// coordinator keeps up to the worker's thread count of calls in flight, and <see cref="WorkerEvaluator"/> bounds them.
/// </summary>
[Reentrant]
[OnKeyedSilo]
internal sealed class RunWorkerGrain(WorkerEvaluator evaluator) : Grain, IRunWorkerGrain
{
    public Task<WorkerInfo> Describe() => Task.FromResult(evaluator.Describe());

    public Task<RunReply> Evaluate(JobText job, string inputsJson) => evaluator.Evaluate(job, inputsJson);
}
