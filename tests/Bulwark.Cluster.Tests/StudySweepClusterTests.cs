using System.Diagnostics;
using Bulwark.Sweeps;
using Bulwark.Tests;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// Issue 17's acceptance with the real verb: <c>bulwark sweep STUDY --cluster CONN</c> as a coordinator process, two
/// <c>bulwark worker</c> processes with PostgreSQL membership, a study's comparison runs (tests/Bulwark.Tests/Data/Sweeps/
/// sweep-radars.yaml). The files it writes are byte-identical to a local sweep's: as it is, with the coordinator killed
/// (SIGKILL) and restarted with <c>--resume</c>, and with a worker killed halfway; every run is in the store once.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class StudySweepClusterTests(ITestOutputHelper output)
{
    private static readonly string[] Compared = ["sensitivity.json", "runs.csv", "runs.parquet", "summary.json"];

    private static string Study => Path.Combine(AppContext.BaseDirectory, "Data", "Sweeps", "sweep-radars.yaml");

    [Fact]
    public void ASweepOnTwoWorkersGivesTheLocalBytesThroughACoordinatorKillAndAWorkerKill()
    {
        using TestPostgres db = TestPostgres.Create();
        string root = SelfTestSweeps.TempDir();
        string local = Path.Combine(root, "local");
        Assert.Equal(0, Sweep(local).ExitCode);
        var expected = Snapshot(local);

        using WorkerProcess a = WorkerProcess.Launch(ClusterTestKit.Args(db, "a"), "a"), b = WorkerProcess.Launch(ClusterTestKit.Args(db, "b"), "b");
        a.WaitFor("active: ", TimeSpan.FromSeconds(60));
        b.WaitFor("active: ", TimeSpan.FromSeconds(60));

        // 1. On the cluster as it is.
        string plain = Path.Combine(root, "cluster");
        WorkerProcess first = Sweep(plain, "--cluster", db.ConnectionString);
        Assert.True(first.ExitCode == 0, string.Join('\n', first.Lines));
        AssertSame(expected, Snapshot(plain));
        string tally = Assert.Single(first.Lines, l => l.StartsWith("workers: ", StringComparison.Ordinal));
        output.WriteLine(tally);
        Assert.Matches(@"\ba [1-9][0-9]* runs", tally);
        Assert.Matches(@"\bb [1-9][0-9]* runs", tally);
        Assert.Contains("\"workers\"", File.ReadAllText(Path.Combine(plain, "cluster.json")), StringComparison.Ordinal);

        // 2. The coordinator killed once a third of the runs are stored, then resumed.
        string resumed = Path.Combine(root, "resumed");
        using (WorkerProcess coordinator = Launch(resumed, "--cluster", db.ConnectionString))
        {
            WaitForRuns(resumed, 6, coordinator);
            coordinator.Kill();
            coordinator.WaitForExit(TimeSpan.FromSeconds(30));
            output.WriteLine($"coordinator killed with {Stored(resumed)} runs stored");
        }

        WorkerProcess again = Sweep(resumed, "--cluster", db.ConnectionString, "--resume");
        Assert.True(again.ExitCode == 0, string.Join('\n', again.Lines));
        AssertSame(expected, Snapshot(resumed));

        // 3. Worker a killed halfway.
        string killed = Path.Combine(root, "worker-killed");
        using (WorkerProcess coordinator = Launch(killed, "--cluster", db.ConnectionString))
        {
            WaitForRuns(killed, 10, coordinator);
            a.Kill();
            output.WriteLine($"worker a killed with {Stored(killed)} runs stored");
            Assert.True(coordinator.WaitForExit(TimeSpan.FromMinutes(5)), "the sweep did not finish after a worker was killed");
            Assert.True(coordinator.ExitCode == 0, string.Join('\n', coordinator.Lines));
        }

        AssertSame(expected, Snapshot(killed));
        using var store = new RunStore(Path.Combine(killed, "runs.sqlite"));
        var rows = store.Sweeps().SelectMany(store.All).ToList();
        Assert.Equal(rows.Count, File.ReadAllLines(Path.Combine(killed, "runs.csv")).Length - 1);
        Assert.All(store.Sweeps(), s => Assert.Equal(store.All(s).Count, store.All(s).Select(r => r.Ordinal).Distinct().Count()));
    }

    private static WorkerProcess Launch(string dir, params string[] more) =>
        WorkerProcess.Launch(["sweep", Study, "--out", dir, .. more], "sweep");

    private static WorkerProcess Sweep(string dir, params string[] more)
    {
        WorkerProcess p = Launch(dir, more);
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "the sweep did not finish in 5 minutes");
        return p;
    }

    private static void WaitForRuns(string dir, int runs, WorkerProcess coordinator)
    {
        var clock = Stopwatch.StartNew();
        while (Stored(dir) < runs)
        {
            Assert.False(coordinator.HasExited, $"the sweep ended before {runs} runs were stored:\n{string.Join('\n', coordinator.Lines)}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"fewer than {runs} runs stored after 3 minutes");
            Thread.Sleep(20);
        }
    }

    private static int Stored(string dir) => SweepStoreProbe.Stored(Path.Combine(dir, "runs.sqlite"));

    private static Dictionary<string, byte[]> Snapshot(string dir) => Compared.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(dir, f)));

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from the local sweep's");
        }
    }
}
