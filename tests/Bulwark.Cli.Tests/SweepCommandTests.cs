using System.Text.Json;
using System.Diagnostics;
using Bulwark.Sweeps;
using Bulwark.Tests;

namespace Bulwark.Cli.Tests;

/// <summary>
/// <c>bulwark sweep</c> (issue 16's acceptance; docs/sweeps.md): the files it writes, a store that refuses to be mixed up
/// without <c>--resume</c>, a resumed sweep that recomputes nothing and gives the same bytes, the same bytes on two
/// threads, and sweeps killed (SIGKILL) at least ten times that resume to the bytes of an uninterrupted one.
/// </summary>
public class SweepCommandTests(ITestOutputHelper output)
{
    private static readonly string[] Outputs = ["sensitivity.json", "runs.csv", "runs.parquet", "report.md", "report.html", "summary.json"];

    private static string Study(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Sweeps", name);

    [Fact]
    public void ASweepWritesItsFilesAndResumesToTheSameBytesWithoutRecomputing()
    {
        string root = CliRunner.TempDir();
        Directory.CreateDirectory(root);
        string trace = Path.Combine(root, "trace");
        var (code, stdout, stderr) = Run(root, trace, Study("sweep-radars.yaml"), null, "--out", "sweep");
        Assert.True(code == 0, stderr);
        string dir = Path.Combine(root, "sweep");
        foreach (string f in Outputs.Append("runs.sqlite").Append("tornado-epaa-phase-2-2015--mrbm--defended_share_pct.png"))
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), $"{f} is missing");
        }

        Assert.Contains("what flips", File.ReadAllText(Path.Combine(dir, "report.md")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"sensitivity\"", File.ReadAllText(Path.Combine(dir, "summary.json")), StringComparison.Ordinal);
        Assert.Contains("\"band\"", File.ReadAllText(Path.Combine(dir, "sensitivity.json")), StringComparison.Ordinal);
        int computed = File.ReadAllLines(trace).Length;

        // The CSV holds the store's rows: every sweep's, in order.
        using (var store = new RunStore(Path.Combine(dir, "runs.sqlite")))
        {
            var rows = store.Sweeps().SelectMany(store.All).ToList();
            Assert.Equal(rows.Count, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length - 1);
            Assert.Equal(computed, store.Count);
        }

        var before = Snapshot(dir);
        var again = Run(root, trace, Study("sweep-radars.yaml"), null, "--out", "sweep");
        Assert.Equal(2, again.Code);
        Assert.Contains("--resume", again.Stderr, StringComparison.Ordinal);

        var resumed = Run(root, trace, Study("sweep-radars.yaml"), null, "--out", "sweep", "--resume");
        Assert.True(resumed.Code == 0, resumed.Stderr);
        Assert.Equal(computed, File.ReadAllLines(trace).Length); // nothing recomputed
        Assert.Equal(stdout, resumed.Stdout);
        AssertSame(before, Snapshot(dir));
    }

    [Fact]
    public void SweepsKilledTenTimesResumeToTheBytesOfAnUninterruptedOne()
    {
        string study = Study("sweep-radars.yaml");
        string reference = CliRunner.TempDir(), killed = CliRunner.TempDir(), twoThreads = CliRunner.TempDir();
        string cache = CliRunner.TempDir(); // one reach-table store for every process: each run then costs about a second
        foreach (string d in new[] { reference, killed, twoThreads })
        {
            Directory.CreateDirectory(d);
        }

        var first = Run(reference, Path.Combine(reference, "trace"), study, cache, "--out", "sweep");
        Assert.True(first.Code == 0, first.Stderr);
        int distinct = File.ReadAllLines(Path.Combine(reference, "trace")).Length;

        // Kill each run as soon as the store holds one more run than when it started (or after a random wait), so kills
        // land between runs, inside runs and while the store is written.
        string trace = Path.Combine(killed, "trace");
        string storePath = Path.Combine(killed, "sweep", "runs.sqlite");
        var random = new Random(16);
        int kills = 0;
        for (int attempt = 0; kills < 10 && attempt < 40; attempt++)
        {
            int stored = SweepStoreProbe.Stored(storePath);
            using Process p = Start(killed, trace, study, cache, "--out", "sweep", "--resume");
            var clock = Stopwatch.StartNew();
            int waitMs = random.Next(0, 400);
            while (!p.HasExited && SweepStoreProbe.Stored(storePath) <= stored && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(10);
            }

            Thread.Sleep(waitMs);
            if (p.HasExited)
            {
                break; // finished before it could be killed
            }

            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            kills++;
            output.WriteLine($"kill {kills}: after {clock.ElapsedMilliseconds} ms, {SweepStoreProbe.Stored(storePath)} runs stored");
        }

        Assert.True(kills >= 10, $"only {kills} kills: the sweep finished too soon");
        var last = Run(killed, trace, study, cache, "--out", "sweep", "--resume");
        Assert.True(last.Code == 0, last.Stderr);
        string[] keys = File.ReadAllLines(trace);
        output.WriteLine($"{keys.Length} runs computed across {kills + 1} processes; {distinct} without interruption");
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count()); // no finished run computed twice
        Assert.Equal(first.Stdout, last.Stdout);
        AssertSame(Snapshot(Path.Combine(reference, "sweep")), Snapshot(Path.Combine(killed, "sweep")));

        var two = Run(twoThreads, Path.Combine(twoThreads, "trace"), study, cache, "--out", "sweep", "--threads", "2");
        Assert.True(two.Code == 0, two.Stderr);
        AssertSame(Snapshot(Path.Combine(reference, "sweep")), Snapshot(Path.Combine(twoThreads, "sweep")));
    }

    [Fact]
    public void AThreatVariantSweepNamesItsLevelsInEveryOutput()
    {
        // sweep-variants.yaml: launch places (tabriz nominal; semnan, qom, tabriz+semnan) and shapes (minimum-energy
        // nominal; lofted, depressed) beside one radar range. Bulgaria is defended wherever threatened from Tabriz on
        // minimum-energy trajectories, not on depressed ones; from Semnan nothing reaches it, so it stays defended
        // wherever threatened there (docs/sweeps.md, "Threat variants").
        string root = CliRunner.TempDir();
        Directory.CreateDirectory(root);
        var (code, stdout, stderr) = Run(root, Path.Combine(root, "trace"), Study("sweep-variants.yaml"), null, "--out", "sweep", "--samples", "4");
        Assert.True(code == 0, stderr);
        string dir = Path.Combine(root, "sweep");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sensitivity.json")));
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("variant", inputs["threats.launch"].GetProperty("kind").GetString());
        Assert.Equal(["tabriz", "semnan", "qom", "tabriz+semnan"], inputs["threats.launch"].GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("minimum-energy", inputs["threats.shape"].GetProperty("nominal_level").GetString());
        Assert.Equal("number", inputs["an-tpy-2.detection_range_km"].GetProperty("kind").GetString());

        JsonElement bulgaria = json.RootElement.GetProperty("conclusions").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "epaa-phase-2-2015/mrbm/BGR/defended_where_threatened");
        Assert.True(bulgaria.GetProperty("nominal").GetBoolean());
        var flips = bulgaria.GetProperty("flips").EnumerateArray().ToList();
        JsonElement depressed = flips.Single(f => f.GetProperty("input").GetString() == "threats.shape");
        Assert.Equal(("level", "depressed", false), (depressed.GetProperty("side").GetString(), depressed.GetProperty("level").GetString(), depressed.GetProperty("answer_beyond").GetBoolean()));
        Assert.Equal("no when threats.shape is depressed; yes at its nominal minimum-energy", depressed.GetProperty("description").GetString());
        Assert.DoesNotContain(flips, f => f.GetProperty("input").GetString() == "threats.launch" && f.GetProperty("level").GetString() == "semnan");
        JsonElement launch = bulgaria.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "threats.launch");
        Assert.True(launch.TryGetProperty("low_level", out _));

        // The exports hold the levels' indices; the report and the table name the levels.
        string[] csv = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        int column = Array.IndexOf(csv[0].Split(','), "threats.launch");
        Assert.True(column > 0);
        Assert.Equal(["0", "1", "2", "3"], csv.Skip(1).Select(l => l.Split(',')[column]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("no when threats.shape is depressed", File.ReadAllText(Path.Combine(dir, "report.md")), StringComparison.Ordinal);
        Assert.Contains("threats.shape is depressed", stdout, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Outputs.Concat(Directory.EnumerateFiles(dir, "*.png").Select(Path.GetFileName).OfType<string>())
            .Distinct().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(dir, f)));

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs");
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string cwd, string trace, string study, string? cache, params string[] args)
    {
        using Process p = Start(cwd, trace, study, cache, args);
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static Process Start(string cwd, string trace, string study, string? cache, params string[] args)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bulwark.exe" : "bulwark");
        var info = File.Exists(exe)
            ? new ProcessStartInfo(exe)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bulwark.dll") } };
        info.ArgumentList.Add("sweep");
        info.ArgumentList.Add(study);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.WorkingDirectory = cwd;
        info.Environment["BULWARK_SWEEP_TRACE"] = trace;
        if (cache is not null)
        {
            info.Environment["BULWARK_CACHE_DIR"] = cache;
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return Process.Start(info)!;
    }
}
