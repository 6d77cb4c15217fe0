using System.Runtime.ExceptionServices;

namespace Bulwark.Sweeps;

/// <summary>Evaluates runs on this machine's threads, up to a given number at once.</summary>
public sealed class LocalExecutor : IRunExecutor
{
    private readonly Func<InputSet, Outcomes> _evaluate;

    /// <param name="evaluate">the model: a pure function of the inputs (it may be called on several threads at once)</param>
    /// <param name="maxDegreeOfParallelism">the most runs evaluated at once (at least 1)</param>
    public LocalExecutor(Func<InputSet, Outcomes> evaluate, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        _evaluate = evaluate;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The most runs evaluated at once.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <inheritdoc/>
    public void Execute(IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(finished);
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(todo, options, run =>
            {
                Outcomes outcomes = _evaluate(run.Inputs) ?? throw new InvalidOperationException($"the evaluator returned no outcomes for run {run.Ordinal}");
                finished(run, outcomes);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
