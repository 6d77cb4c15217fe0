using System.Diagnostics;
using Bulwark.Caching;

namespace Bulwark.Cli.Tests;

/// <summary>
/// The reach-table store between real processes (issue 15's acceptance; docs/cache.md): two <c>bulwark engage</c> runs
/// building the same tables into one empty store at once both print what a run without the store prints; a run killed
/// (SIGKILL) while it writes leaves only sound entries, and the next run reads them back to the same answer.
/// </summary>
public class ReachStoreProcessTests(ITestOutputHelper output)
{
    private static string OneThreat() => CliRunner.TempFile("engage.yaml", """
        name: one threat for the store
        architecture: epaa-phase-3-2018
        threats:
          - { missile: sejjil-2, from: tabriz, to: athens }
        """);

    [Fact]
    public void TwoProcessesBuildingTheSameTablesAtOnceBothGetCorrectTables()
    {
        string scenario = OneThreat();
        string reference = Finish(Start(scenario, store: null));
        string dir = CliRunner.TempDir();
        using Process a = Start(scenario, dir), b = Start(scenario, dir);
        string outA = Finish(a), outB = Finish(b);
        Assert.Equal(reference, outA);
        Assert.Equal(reference, outB);

        var store = new DiskStore(dir);
        StoreUsage usage = store.Usage();
        output.WriteLine($"{usage.Entries} entries, {usage.Bytes / 1e6:F1} MB after two concurrent runs");
        Assert.Contains(usage.Kinds, k => k.Kind == "reach" && k.Entries > 0);
        Assert.Equal(0, usage.TempFiles);
        Assert.Equal(reference, Finish(Start(scenario, dir)));
    }

    [Fact]
    public void ARunKilledWhileItWritesLeavesOnlySoundEntries()
    {
        string scenario = OneThreat();
        string reference = Finish(Start(scenario, store: null));
        string dir = CliRunner.TempDir();
        int killedAfterAWrite = 0;

        // Each run is killed as soon as it has written one more entry than the store held (polled every 5 ms), so the
        // kill lands while it is writing the next ones, whatever the machine's speed; later runs read what earlier ones
        // left and write the rest.
        for (int run = 0; run < 5; run++)
        {
            int before = Entries(dir);
            using Process p = Start(scenario, dir);
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && Entries(dir) <= before && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(5);
            }

            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                killedAfterAWrite += Entries(dir) > before ? 1 : 0;
            }

            p.WaitForExit();
            var store = new DiskStore(dir);
            int sound = 0;
            foreach (KindUsage kind in store.Usage().Kinds)
            {
                foreach (string file in Directory.EnumerateFiles(Path.Combine(dir, kind.Kind), "*.bin"))
                {
                    Assert.True(store.TryRead(kind.Kind, Path.GetFileNameWithoutExtension(file), out _), $"run {run}: {file} is not sound");
                    sound++;
                }
            }

            output.WriteLine($"run {run}: {before} entries before, killed after {clock.ElapsedMilliseconds} ms with {sound} sound entries");
        }

        Assert.True(killedAfterAWrite > 0, "no run was killed after writing an entry: the check saw nothing");
        Assert.Equal(reference, Finish(Start(scenario, dir)));
    }

    private static int Entries(string dir)
    {
        string reach = Path.Combine(dir, "reach");
        return Directory.Exists(reach) ? Directory.EnumerateFiles(reach, "*.bin").Count() : 0;
    }

    private static Process Start(string scenario, string? store)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bulwark.exe" : "bulwark");
        var info = File.Exists(exe)
            ? new ProcessStartInfo(exe)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bulwark.dll") } };
        foreach (string a in new[] { "engage", scenario, "--format", "json" })
        {
            info.ArgumentList.Add(a);
        }

        if (store is null)
        {
            info.Environment["BULWARK_CACHE"] = "off";
        }
        else
        {
            info.Environment["BULWARK_CACHE_DIR"] = store;
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return Process.Start(info)!;
    }

    private static string Finish(Process p)
    {
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr.Result);
        return stdout.Result;
    }
}
