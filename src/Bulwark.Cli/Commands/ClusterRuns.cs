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
                new ClusterExecutorOptions { Log = line => stderr.WriteLine(line), Progress = new Lines(stderr) });
            return new Runs(executor);
        }
        catch (ClusterException e)
        {
            throw new InputException(null, null, null, "--cluster", e.Message);
        }
    }

    /// <summary>The runs each worker did, one line.</summary>
    public static string Tally(IDisposable executor) => executor is IRunExecutorWithTally t ? t.Tally : "";

    /// <summary>cluster.json: each worker's name, threads, runs done and state (the sweep's other files are the same bytes as a local sweep's).</summary>
    public static string Json(IDisposable executor) => executor is Runs r ? r.Json : "{}";

    /// <summary>A cluster executor that also says what each worker did.</summary>
    internal interface IRunExecutorWithTally : IRunExecutor, IDisposable
    {
        string Tally { get; }
    }

    /// <summary>A line on stderr at most every 5 s: runs done of those sent to the cluster, and each worker's count.</summary>
    private sealed class Lines(TextWriter stderr) : IProgress<ClusterProgress>
    {
        private readonly Lock _gate = new();
        private long _last = long.MinValue;

        public void Report(ClusterProgress p)
        {
            lock (_gate)
            {
                long now = Environment.TickCount64;
                if (now - _last < 5000 && p.Done < p.Total)
                {
                    return;
                }

                _last = now;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cluster: {p.Done}/{p.Total} runs ({p.Retried} sent again); {string.Join(", ", p.Workers.Select(w => $"{w.Name} {w.Done}"))}"));
            }
        }
    }

    private sealed class Runs(ClusterExecutor inner) : IRunExecutorWithTally
    {
        public string Json => Bulwark.Output.JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("workers");
            foreach (WorkerTally t in inner.Workers)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteString("silo", t.Silo);
                w.WriteNumber("threads", t.Threads);
                w.WriteNumber("runs", t.Done);
                w.WriteString("state", t.State);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

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
