using System.Collections.Concurrent;

namespace Bulwark.Sweeps;

/// <summary>
/// Everything a process needs to evaluate a sweep's runs, as text that can travel to another machine: the kind of model
/// (<see cref="SweepModels"/> turns it into an evaluator), its specification in that kind's own text format (a study's
/// YAML and sweep settings, say), and the model version the coordinator computed with (a worker whose version differs
/// must refuse the job: its numbers would differ).
/// </summary>
/// <param name="Kind">the model's kind, registered with <see cref="SweepModels.Register"/></param>
/// <param name="Spec">the model's specification, in the kind's format</param>
/// <param name="ModelVersion">the coordinator's model version (the same string its run keys hold)</param>
public sealed record SweepJob(string Kind, string Spec, string ModelVersion);

/// <summary>
/// The kinds of model a sweep can run, by name: each turns a <see cref="SweepJob.Spec"/> into an evaluator. A process
/// registers what it knows at start (the CLI registers the study model); a worker asked for an unknown kind refuses.
/// </summary>
public static class SweepModels
{
    private static readonly ConcurrentDictionary<string, Func<string, Func<InputSet, Outcomes>>> Factories = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the factory for <paramref name="kind"/>.</summary>
    public static void Register(string kind, Func<string, Func<InputSet, Outcomes>> factory)
    {
        UncertainInput.CheckName(kind);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[kind] = factory;
    }

    /// <summary>The registered kinds, in ordinal order.</summary>
    public static IReadOnlyList<string> Kinds => [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="kind"/> is registered.</summary>
    public static bool Knows(string kind) => Factories.ContainsKey(kind);

    /// <summary>The evaluator for <paramref name="job"/>.</summary>
    /// <exception cref="InvalidOperationException">the kind is not registered</exception>
    public static Func<InputSet, Outcomes> Evaluator(SweepJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Factories.TryGetValue(job.Kind, out var factory)
            ? factory(job.Spec)
            : throw new InvalidOperationException($"this process knows no sweep model of kind '{job.Kind}' (it knows: {string.Join(", ", Kinds)})");
    }
}
