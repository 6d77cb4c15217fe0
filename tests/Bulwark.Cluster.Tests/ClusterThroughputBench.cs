using System.Diagnostics;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// docs/cluster.md's throughput figures: the <c>selftest</c> model through one and then two local workers (2 threads
/// each), with no delay (the cluster's own cost per run) and with 50 ms per run. Explicit: run it with
/// <c>-class Bulwark.Cluster.Tests.ClusterThroughputBench -explicit only -showLiveOutput</c>.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class ClusterThroughputBench(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void RunsPerMinuteWithOneAndTwoWorkers()
    {
        using TestPostgres db = TestPostgres.Create();
        var settings = new ClusterSettings(db.ConnectionString);
        using WorkerProcess a = WorkerProcess.Start(db.ConnectionString, "a", 2);
        Measure(settings, "1 worker", 0, 400);
        Measure(settings, "1 worker", 50, 200);
        using WorkerProcess b = WorkerProcess.Start(db.ConnectionString, "b", 2);
        Measure(settings, "2 workers", 0, 400);
        Measure(settings, "2 workers", 50, 200);
    }

    private void Measure(ClusterSettings settings, string what, int delayMs, int runs)
    {
        // A fresh seed each time, so no run is found in a store: every run is computed.
        SweepDesign design = SweepDesign.LatinHypercube("selftest", SweepVersion.Current, SelfTestSweeps.Inputs(5), runs, (ulong)Stopwatch.GetTimestamp());
        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        using ClusterExecutor executor = ClusterExecutor.Connect(settings, SelfTestModel.Job(delayMs));
        new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken); // connects and warms up
        design = SweepDesign.LatinHypercube("selftest", SweepVersion.Current, SelfTestSweeps.Inputs(5), runs, (ulong)Stopwatch.GetTimestamp() + 1);
        var clock = Stopwatch.StartNew();
        SweepResult result = new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{what}, delay {delayMs} ms: {result.Computed} runs in {seconds:F2} s = {result.Computed / seconds * 60:F0} runs/min; " +
            string.Join(", ", executor.Workers.Select(w => $"{w.Name}: {w.Done}")));
    }
}
