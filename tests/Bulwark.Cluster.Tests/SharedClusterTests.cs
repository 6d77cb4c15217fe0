using System.Diagnostics;
using Bulwark.Output;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// Issue 17's acceptance on one machine, on two shared worker processes (<see cref="TwoWorkerCluster"/>): with
/// PostgreSQL membership and a coordinator (<see cref="ClusterExecutor"/> through <see cref="SweepRunner"/>) the rows
/// are, byte for byte, those the local executor gives — with both workers sharing the work, and with the coordinator
/// abandoned midway and started again on the same store.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class SharedClusterTests(TwoWorkerCluster cluster, ITestOutputHelper output) : IClassFixture<TwoWorkerCluster>
{
    [Fact]
    public void TwoWorkersGiveTheLocalRowsAndBothDoWork()
    {
        SweepDesign design = SelfTestSweeps.OneAtATime();
        string reference = SelfTestSweeps.Reference(design);
        (TestPostgres db, WorkerProcess a, WorkerProcess b) = cluster.Start();

        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        ClusterProgress? last = null;
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString), SelfTestModel.Job(200), ClusterTestKit.Options(output, new ClusterTestKit.Inline<ClusterProgress>(p => last = p)));
        var clock = Stopwatch.StartNew();
        SweepResult result = new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken);
        output.WriteLine($"{design.Runs.Count} runs in {clock.Elapsed.TotalSeconds:F1} s; {ClusterTestKit.Tallies(executor)}");

        // The progress the sweep's display gets: every run done, split by worker as the executor counts it.
        Assert.NotNull(last);
        Assert.Equal((design.Runs.Count, design.Runs.Count), (last.Done, last.Total));
        Assert.Equal(executor.Workers.Select(w => (w.Name, w.Done)), last.Workers.Select(w => (w.Name, w.Done)));

        Assert.Equal(reference, SweepCsv.Write(result.Rows));
        Assert.Equal(design.Runs.Count, result.Computed);
        Assert.Equal(2, executor.Workers.Count);
        Assert.All(executor.Workers, w => Assert.True(w.Done > 0, $"worker {w.Name} did no run: {ClusterTestKit.Tallies(executor)}"));
        Assert.Equal(design.Runs.Count, executor.Workers.Sum(w => w.Done));
        Assert.Equal([("a", 3), ("b", 3)], db.Members()); // both Active in OrleansMembershipTable
        ClusterTestKit.Dump(output, a, b);
    }

    [Fact]
    public void ACoordinatorAbandonedMidwayResumesWithoutRecomputing()
    {
        SweepDesign design = SelfTestSweeps.OneAtATime();
        string reference = SelfTestSweeps.Reference(design);
        (TestPostgres db, _, _) = cluster.Start();
        string path = Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite");
        var settings = new ClusterSettings(db.ConnectionString);

        // The first coordinator is abandoned once 15 runs are stored: cancelled, its client gone, its runs in flight lost.
        int stored;
        using (var store = new RunStore(path))
        using (var cancel = new CancellationTokenSource())
        using (ClusterExecutor first = ClusterExecutor.Connect(settings, SelfTestModel.Job(200), ClusterTestKit.Options(output)))
        {
            var progress = new ClusterTestKit.Inline<SweepProgress>(p =>
            {
                if (p.Computed >= 15)
                {
                    cancel.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() => new SweepRunner(store, progress: progress).Run(design, first, cancel.Token));
            stored = store.Count;
            output.WriteLine($"abandoned with {stored} runs stored; {ClusterTestKit.Tallies(first)}");
        }

        Assert.InRange(stored, 15, design.Runs.Count - 4);
        using (var store = new RunStore(path))
        using (ClusterExecutor second = ClusterExecutor.Connect(settings, SelfTestModel.Job(200), ClusterTestKit.Options(output)))
        {
            SweepResult result = new SweepRunner(store).Run(design, second, TestContext.Current.CancellationToken);
            output.WriteLine($"resumed: {result.Computed} computed, {result.Reused} reused; {ClusterTestKit.Tallies(second)}");
            Assert.Equal(reference, SweepCsv.Write(result.Rows));
            Assert.Equal(stored, result.Reused);
            Assert.Equal(design.Runs.Count - stored, result.Computed);
            Assert.Equal(design.Runs.Count - stored, second.Workers.Sum(w => w.Done));
            Assert.Equal(design.Runs.Count, store.Count);
        }
    }
}
