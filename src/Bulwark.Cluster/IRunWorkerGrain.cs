namespace Bulwark.Cluster;

/// <summary>
/// The grain that evaluates runs on one worker. Its key is the worker silo's address (<c>SiloAddress.ToParsableString</c>)
/// and <see cref="OnKeyedSiloAttribute"/> places it on exactly that silo, so the coordinator chooses where each run goes.
/// </summary>
public interface IRunWorkerGrain : IGrainWithStringKey
{
    /// <summary>The worker's name, thread count, model version and known kinds.</summary>
    Task<WorkerInfo> Describe();

    /// <summary>Evaluates one run of <paramref name="job"/> with the inputs <paramref name="inputsJson"/> (the store's JSON).</summary>
    Task<RunReply> Evaluate(JobText job, string inputsJson);
}
