using System.Diagnostics;
using Bulwark.Output;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// Issue 17's acceptance on one machine, with workers of its own per test: real <c>bulwark worker</c> processes with
/// PostgreSQL membership and a coordinator (<see cref="ClusterExecutor"/> through <see cref="SweepRunner"/>) give the
/// rows, byte for byte, that the local executor gives — with one worker SIGKILLed halfway, and with workers joining
/// after the sweep started (<see cref="SharedClusterTests"/> has the others).
/// </summary>
[Collection(nameof(ClusterCollection))]
public class ClusterSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void AWorkerKilledHalfwayLosesNoRunAndChangesNoRow()
    {
        SweepDesign design = SelfTestSweeps.LatinHypercube();
        string reference = SelfTestSweeps.Reference(design);
        using TestPostgres db = TestPostgres.Create();
        using WorkerProcess a = WorkerProcess.Launch(ClusterTestKit.Args(db, "a"), "a"), b = WorkerProcess.Launch(ClusterTestKit.Args(db, "b"), "b");
        a.WaitFor("active: ", TimeSpan.FromSeconds(60));
        b.WaitFor("active: ", TimeSpan.FromSeconds(60));

        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        using var half = new ManualResetEventSlim();
        var progress = new ClusterTestKit.Inline<SweepProgress>(p =>
        {
            if (p.Done >= design.Runs.Count / 2)
            {
                half.Set();
            }
        });
        int doneAtKill = -1;
        long killedAt = 0;
        var killer = new Thread(() =>
        {
            half.Wait(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            doneAtKill = store.Count;
            a.Kill();
            killedAt = Stopwatch.GetTimestamp();
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killed worker a (SIGKILL) with {doneAtKill} runs stored");
        });
        killer.Start();
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString), SelfTestModel.Job(300), ClusterTestKit.Options(output));
        var clock = Stopwatch.StartNew();
        SweepResult result = new SweepRunner(store, progress: progress).Run(design, executor, TestContext.Current.CancellationToken);
        killer.Join();
        output.WriteLine($"{design.Runs.Count} runs in {clock.Elapsed.TotalSeconds:F1} s; {ClusterTestKit.Tallies(executor)}");

        Assert.InRange(doneAtKill, design.Runs.Count / 2, design.Runs.Count - 2);
        Assert.Equal(reference, SweepCsv.Write(result.Rows));
        Assert.Equal(design.Runs.Count, store.Count);
        Assert.Equal(Enumerable.Range(0, design.Runs.Count), store.All(design.Id).Select(r => r.Ordinal));
        Assert.Equal(design.Runs.Count, store.All(design.Id).Select(r => r.Key).Distinct().Count());
        // The killed worker's runs in flight were given to b (when the membership declared a dead, or as backup copies
        // when their calls hung first); the membership declares it dead within seconds either way.
        WorkerTally killed = Assert.Single(executor.Workers, w => w.Name == "a");
        Assert.True(killed.Done > 0);
        while (db.Members().Single(m => m.Name == "a").Status != 6 && Stopwatch.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(100);
        }

        output.WriteLine($"worker a is {killed.State} to the coordinator; the membership says {db.Members().Single(m => m.Name == "a").Status} (6 = dead) {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:F1} s after the kill");
        Assert.Equal(6, db.Members().Single(m => m.Name == "a").Status);
        Assert.True(executor.Workers.Single(w => w.Name == "b").Done > design.Runs.Count / 2);
        Assert.Equal("ok", store.IntegrityCheck());
        ClusterTestKit.Dump(output, b);
    }

    [Fact]
    public void ACoordinatorWaitsForAWorkerAndALateOneTakesWorkMidSweep()
    {
        // No worker when the sweep starts; worker "first" (1 thread) 1.5 s later; worker "late" once 2 runs are stored.
        // Both on cluster id "other" (so --cluster-id is honoured), "late" with --advertise (listening on every interface).
        SweepDesign design = SelfTestSweeps.LatinHypercube();
        string reference = SelfTestSweeps.Reference(design);
        using TestPostgres db = TestPostgres.Create();
        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        using var started = new ManualResetEventSlim();
        var progress = new ClusterTestKit.Inline<SweepProgress>(p =>
        {
            if (p.Done >= 2)
            {
                started.Set();
            }
        });
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString, "other"), SelfTestModel.Job(300), ClusterTestKit.Options(output));
        WorkerProcess? first = null, late = null;
        var starter = new Thread(() =>
        {
            Thread.Sleep(1500);
            first = WorkerProcess.Launch(["worker", "--cluster", db.ConnectionString, "--cluster-id", "other", "--threads", "1", "--name", "first"], "first");
            if (started.Wait(TimeSpan.FromSeconds(60)))
            {
                late = WorkerProcess.Launch(["worker", "--cluster", db.ConnectionString, "--cluster-id", "other", "--threads", "2", "--name", "late", "--advertise", "127.0.0.1"], "late");
            }
        });
        starter.Start();
        try
        {
            SweepResult result = new SweepRunner(store, progress: progress).Run(design, executor, TestContext.Current.CancellationToken);
            output.WriteLine(ClusterTestKit.Tallies(executor));
            Assert.Equal(reference, SweepCsv.Write(result.Rows));
            Assert.Equal(["first", "late"], executor.Workers.Select(w => w.Name).Order(StringComparer.Ordinal));
            Assert.All(executor.Workers, w => Assert.True(w.Done > 0, $"worker {w.Name} did no run: {ClusterTestKit.Tallies(executor)}"));
        }
        finally
        {
            starter.Join();
            first?.Dispose();
            late?.Dispose();
        }
    }
}
