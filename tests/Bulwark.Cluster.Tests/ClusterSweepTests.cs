using System.Diagnostics;
using Bulwark.Output;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// Issue 17's acceptance on one machine: real <c>bulwark worker</c> processes with PostgreSQL membership and a
/// coordinator (<see cref="ClusterExecutor"/> through <see cref="SweepRunner"/>) give the rows, byte for byte, that the
/// local executor gives — with two workers sharing the work, with one of them SIGKILLed halfway, and with the
/// coordinator abandoned midway and started again on the same store.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class ClusterSweepTests(ITestOutputHelper output)
{
    private ClusterExecutorOptions Options(IProgress<ClusterProgress>? progress = null) => new()
    {
        WorkerWait = TimeSpan.FromSeconds(30),
        Log = line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} coordinator: {line}"),
        Progress = progress,
    };

    [Fact]
    public void TwoWorkersGiveTheLocalRowsAndBothDoWork()
    {
        SweepDesign design = SelfTestSweeps.OneAtATime();
        string reference = SelfTestSweeps.Reference(design);
        using TestPostgres db = TestPostgres.Create();
        using WorkerProcess a = WorkerProcess.Launch(Args(db, "a"), "a"), b = WorkerProcess.Launch(Args(db, "b"), "b");
        a.WaitFor("active: ", TimeSpan.FromSeconds(60));
        b.WaitFor("active: ", TimeSpan.FromSeconds(60));

        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        ClusterProgress? last = null;
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString), SelfTestModel.Job(200), Options(new Inline<ClusterProgress>(p => last = p)));
        var clock = Stopwatch.StartNew();
        SweepResult result = new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken);
        output.WriteLine($"{design.Runs.Count} runs in {clock.Elapsed.TotalSeconds:F1} s; {Tallies(executor)}");

        // The progress the sweep's display gets: every run done, split by worker as the executor counts it.
        Assert.NotNull(last);
        Assert.Equal((design.Runs.Count, design.Runs.Count), (last.Done, last.Total));
        Assert.Equal(executor.Workers.Select(w => (w.Name, w.Done)), last.Workers.Select(w => (w.Name, w.Done)));

        Assert.Equal(reference, SweepCsv.Write(result.Rows));
        Assert.Equal(design.Runs.Count, result.Computed);
        Assert.Equal(2, executor.Workers.Count);
        Assert.All(executor.Workers, w => Assert.True(w.Done > 0, $"worker {w.Name} did no run: {Tallies(executor)}"));
        Assert.Equal(design.Runs.Count, executor.Workers.Sum(w => w.Done));
        Assert.All(db.Members(), m => Assert.Equal(3, m.Status)); // both Active in OrleansMembershipTable
        Dump(a, b);
    }

    [Fact]
    public void AWorkerKilledHalfwayLosesNoRunAndChangesNoRow()
    {
        SweepDesign design = SelfTestSweeps.LatinHypercube();
        string reference = SelfTestSweeps.Reference(design);
        using TestPostgres db = TestPostgres.Create();
        using WorkerProcess a = WorkerProcess.Launch(Args(db, "a"), "a"), b = WorkerProcess.Launch(Args(db, "b"), "b");
        a.WaitFor("active: ", TimeSpan.FromSeconds(60));
        b.WaitFor("active: ", TimeSpan.FromSeconds(60));

        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        using var half = new ManualResetEventSlim();
        var progress = new Inline<SweepProgress>(p =>
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
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString), SelfTestModel.Job(300), Options());
        var clock = Stopwatch.StartNew();
        SweepResult result = new SweepRunner(store, progress: progress).Run(design, executor, TestContext.Current.CancellationToken);
        killer.Join();
        output.WriteLine($"{design.Runs.Count} runs in {clock.Elapsed.TotalSeconds:F1} s; {Tallies(executor)}");

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
        Dump(b);
    }

    [Fact]
    public void ACoordinatorAbandonedMidwayResumesWithoutRecomputing()
    {
        SweepDesign design = SelfTestSweeps.OneAtATime();
        string reference = SelfTestSweeps.Reference(design);
        using TestPostgres db = TestPostgres.Create();
        using WorkerProcess a = WorkerProcess.Launch(Args(db, "a"), "a"), b = WorkerProcess.Launch(Args(db, "b"), "b");
        a.WaitFor("active: ", TimeSpan.FromSeconds(60));
        b.WaitFor("active: ", TimeSpan.FromSeconds(60));
        string path = Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite");
        var settings = new ClusterSettings(db.ConnectionString);

        // The first coordinator is abandoned once 15 runs are stored: cancelled, its client gone, its runs in flight lost.
        int stored;
        using (var store = new RunStore(path))
        using (var cancel = new CancellationTokenSource())
        using (ClusterExecutor first = ClusterExecutor.Connect(settings, SelfTestModel.Job(200), Options()))
        {
            var progress = new Inline<SweepProgress>(p =>
            {
                if (p.Computed >= 15)
                {
                    cancel.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() => new SweepRunner(store, progress: progress).Run(design, first, cancel.Token));
            stored = store.Count;
            output.WriteLine($"abandoned with {stored} runs stored; {Tallies(first)}");
        }

        Assert.InRange(stored, 15, design.Runs.Count - 4);
        using (var store = new RunStore(path))
        using (ClusterExecutor second = ClusterExecutor.Connect(settings, SelfTestModel.Job(200), Options()))
        {
            SweepResult result = new SweepRunner(store).Run(design, second, TestContext.Current.CancellationToken);
            output.WriteLine($"resumed: {result.Computed} computed, {result.Reused} reused; {Tallies(second)}");
            Assert.Equal(reference, SweepCsv.Write(result.Rows));
            Assert.Equal(stored, result.Reused);
            Assert.Equal(design.Runs.Count - stored, result.Computed);
            Assert.Equal(design.Runs.Count - stored, second.Workers.Sum(w => w.Done));
            Assert.Equal(design.Runs.Count, store.Count);
        }
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
        var progress = new Inline<SweepProgress>(p =>
        {
            if (p.Done >= 2)
            {
                started.Set();
            }
        });
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString, "other"), SelfTestModel.Job(300), Options());
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
            output.WriteLine(Tallies(executor));
            Assert.Equal(reference, SweepCsv.Write(result.Rows));
            Assert.Equal(["first", "late"], executor.Workers.Select(w => w.Name).Order(StringComparer.Ordinal));
            Assert.All(executor.Workers, w => Assert.True(w.Done > 0, $"worker {w.Name} did no run: {Tallies(executor)}"));
        }
        finally
        {
            starter.Join();
            first?.Dispose();
            late?.Dispose();
        }
    }

    private static string[] Args(TestPostgres db, string name) => ["worker", "--cluster", db.ConnectionString, "--threads", "2", "--name", name];

    private static string Tallies(ClusterExecutor executor) =>
        string.Join(", ", executor.Workers.Select(w => $"{w.Name}: {w.Done} runs ({w.State})"));

    private void Dump(params WorkerProcess[] workers)
    {
        foreach (WorkerProcess w in workers)
        {
            foreach (string line in w.Lines)
            {
                output.WriteLine($"[{w.Name}] {line}");
            }
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; would post).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
