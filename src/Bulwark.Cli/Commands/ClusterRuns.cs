using System.Globalization;
using Bulwark.Cluster;
using Bulwark.Sweeps;

namespace Bulwark.Cli.Commands;

/// <summary>
/// The sweep verb's door to the cluster (docs/cluster.md): every use of Bulwark.Cluster is here, so a sweep without
/// <c>--cluster</c> never loads Orleans. A cluster's failures (an unreachable database, no workers, a refused job) come
/// out as <see cref="InputException"/>s: one line and exit code 2.
/// </summary>
internal static class ClusterRuns
{
    /// <summary>An executor that hands the job's runs to the cluster's workers, logging its state changes to <paramref name="stderr"/>.</summary>
    public static IRunExecutorWithTally Connect(string connection, string clusterId, SweepJob job, TextWriter stderr)
    {
        try
        {
            var executor = ClusterExecutor.Connect(new ClusterSettings(connection, clusterId), job,
                new ClusterExecutorOptions { Log = line => stderr.WriteLine(line) });
            return new Runs(executor);
        }
        catch (ClusterException e)
        {
            throw new InputException(null, null, null, "--cluster", e.Message);
        }
    }

    /// <summary>The runs each worker did, one line.</summary>
    public static string Tally(IDisposable executor) => executor is IRunExecutorWithTally t ? t.Tally : "";

    /// <summary>A cluster executor that also says what each worker did.</summary>
    internal interface IRunExecutorWithTally : IRunExecutor, IDisposable
    {
        string Tally { get; }
    }

    private sealed class Runs(ClusterExecutor inner) : IRunExecutorWithTally
    {
        public string Tally => "workers: " + string.Join(", ", inner.Workers.Select(w =>
            string.Create(CultureInfo.InvariantCulture, $"{w.Name} {w.Done} runs ({w.Threads} threads, {w.State})")));

        public void Execute(IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished, CancellationToken cancellation)
        {
            try
            {
                inner.Execute(todo, finished, cancellation);
            }
            catch (ClusterException e)
            {
                throw new InputException(null, null, null, "--cluster", e.Message);
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
