using System.Diagnostics;
using Bulwark.Cli;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// <c>bulwark worker</c> and the coordinator facing bad input and missing pieces: one-line errors with exit code 2, a
/// database that is initialised once, refusals that reach the coordinator, no workers, and a graceful SIGTERM.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class WorkerCommandTests(ITestOutputHelper output)
{
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=postgres;Password=x;Database=bulwark;Timeout=3";

    [Theory]
    [InlineData("Hostx=;;=")]
    [InlineData("Host=127.0.0.1;Port=notaport")]
    [InlineData(Unreachable)]
    [InlineData("")]
    public void ABadOrUnreachableDatabaseIsOneLineAndExitCodeTwo(string connection)
    {
        foreach (string[] more in new[] { new[] { "--init-db" }, new[] { "--threads", "1" } })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(["worker", "--cluster", connection, .. more], stdout, stderr);
            string error = stderr.ToString();
            output.WriteLine(error);
            Assert.Equal(Program.BadInput, code);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Password=x", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--silo-port", "70000")]
    [InlineData("--cluster-id", "two words")]
    public void BadOptionsAreOneLineAndExitCodeTwo(string option, string value)
    {
        var stderr = new StringWriter();
        int code = Program.Run(["worker", "--cluster", "Host=127.0.0.1", option, value], new StringWriter(), stderr);
        Assert.Equal(Program.BadInput, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.Contains(option, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACoordinatorOnAnUnreachableDatabaseFailsWithOneLine()
    {
        var e = Assert.Throws<ClusterException>(() => ClusterExecutor.Connect(new ClusterSettings(Unreachable), SelfTestModel.Job(0)));
        Assert.Contains("127.0.0.1:1/bulwark", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void InitDbCreatesTheTablesOnceAndThenLeavesThem()
    {
        using TestPostgres db = TestPostgres.Create();
        var first = new StringWriter();
        var second = new StringWriter();
        Assert.Equal(0, Program.Run(["worker", "--cluster", db.ConnectionString, "--init-db"], new StringWriter(), first));
        Assert.Equal(0, Program.Run(["worker", "--cluster", db.ConnectionString, "--init-db"], new StringWriter(), second));
        Assert.Contains("created the membership tables", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("PostgreSQL-Main.sql, PostgreSQL-Clustering.sql", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("the membership tables exist", second.ToString(), StringComparison.Ordinal);
        Assert.Empty(db.Members());
    }

    [Fact]
    public void NoWorkersMeansABoundedWaitThenAClearFailure()
    {
        using TestPostgres db = TestPostgres.Create();
        SweepDesign design = SelfTestSweeps.OneAtATime();
        using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
        using ClusterExecutor executor = ClusterExecutor.Connect(new ClusterSettings(db.ConnectionString), SelfTestModel.Job(0), new ClusterExecutorOptions { WorkerWait = TimeSpan.FromSeconds(3) });
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ClusterException>(() => new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {e.Message}");
        Assert.Contains("no worker of cluster 'bulwark'", e.Message, StringComparison.Ordinal);
        Assert.Contains("within 3 s", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.5, 20);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void AWorkerRefusesJobsItCannotRunAndLeavesGracefullyOnSigterm()
    {
        using TestPostgres db = TestPostgres.Create();
        using WorkerProcess worker = WorkerProcess.Start(db.ConnectionString, "w", 1);
        SweepDesign design = SelfTestSweeps.OneAtATime();
        var settings = new ClusterSettings(db.ConnectionString);
        var fast = new ClusterExecutorOptions { WorkerWait = TimeSpan.FromSeconds(20) };
        foreach ((SweepJob job, string expected) in new[]
        {
            (new SweepJob(SelfTestModel.Kind, "{}", "another-version"), "the job's model version is another-version but this worker's is " + SweepVersion.Current),
            (new SweepJob("no-such-model", "{}", SweepVersion.Current), "this worker knows no sweep model of kind 'no-such-model' (it knows: selftest, study)"),
        })
        {
            using var store = new RunStore(Path.Combine(SelfTestSweeps.TempDir(), "runs.sqlite"));
            using ClusterExecutor executor = ClusterExecutor.Connect(settings, job, fast);
            var e = Assert.Throws<ClusterException>(() => new SweepRunner(store).Run(design, executor, TestContext.Current.CancellationToken));
            output.WriteLine(e.Message);
            Assert.Contains("worker w refuses the job: " + expected, e.Message, StringComparison.Ordinal);
            Assert.Equal(0, store.Count);
        }

        Assert.Equal(3, Assert.Single(db.Members()).Status);
        worker.Terminate();
        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(40)), "the worker did not stop within 40 s of SIGTERM");
        output.WriteLine(string.Join('\n', worker.Lines));
        Assert.Equal(0, worker.ExitCode);
        Assert.Contains(worker.Lines, l => l.EndsWith("worker: stopped", StringComparison.Ordinal));
        Assert.Equal(6, Assert.Single(db.Members()).Status); // Dead: it said goodbye
        Assert.DoesNotContain(worker.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }
}
