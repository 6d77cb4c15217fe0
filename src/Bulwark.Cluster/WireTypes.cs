namespace Bulwark.Cluster;

/// <summary>A <see cref="Bulwark.Sweeps.SweepJob"/> as it travels between coordinator and worker (three strings).</summary>
/// <param name="Kind">the model's kind</param>
/// <param name="Spec">the model's specification, in the kind's text format</param>
/// <param name="ModelVersion">the coordinator's model version</param>
[GenerateSerializer, Immutable]
public sealed record JobText([property: Id(0)] string Kind, [property: Id(1)] string Spec, [property: Id(2)] string ModelVersion);

/// <summary>What a worker answers for one run: the outcomes, or why it could not give them.</summary>
/// <param name="OutcomesJson">the run's outcomes as the store's JSON (null when refused or failed)</param>
/// <param name="Refusal">why the worker refuses the job (another model version, an unknown kind): no worker of this build will take it</param>
/// <param name="Failure">the model's error for this run (the model is a pure function, so another try would fail too)</param>
[GenerateSerializer, Immutable]
public sealed record RunReply([property: Id(0)] string? OutcomesJson, [property: Id(1)] string? Refusal, [property: Id(2)] string? Failure);

/// <summary>A worker's description of itself.</summary>
/// <param name="Name">its name (host and process id)</param>
/// <param name="Threads">the most runs it evaluates at once</param>
/// <param name="ModelVersion">its model version (<see cref="Bulwark.Sweeps.SweepVersion.Current"/>)</param>
/// <param name="Kinds">the model kinds it knows</param>
[GenerateSerializer, Immutable]
public sealed record WorkerInfo([property: Id(0)] string Name, [property: Id(1)] int Threads, [property: Id(2)] string ModelVersion, [property: Id(3)] string[] Kinds);
