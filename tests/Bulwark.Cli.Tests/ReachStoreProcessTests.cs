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
        int killedWithEntries = 0;
        foreach (int delayMs in new[] { 400, 900, 1500, 2200, 3000 })
        {
            using Process run = Start(scenario, dir);
            Thread.Sleep(delayMs);
            if (!run.HasExited)
            {
                run.Kill(entireProcessTree: true);
            }

            run.WaitForExit();
            var store = new DiskStore(dir);
            int entries = 0;
            foreach (KindUsage kind in store.Usage().Kinds)
            {
                foreach (string file in Directory.EnumerateFiles(Path.Combine(dir, kind.Kind), "*.bin"))
                {
                    Assert.True(store.TryRead(kind.Kind, Path.GetFileNameWithoutExtension(file), out _), $"killed at {delayMs} ms: {file} is not sound");
                    entries++;
                }
            }

            killedWithEntries += entries > 0 ? 1 : 0;
            output.WriteLine($"killed at {delayMs} ms: {entries} sound entries");
        }

        Assert.True(killedWithEntries > 0, "no kill happened after an entry was written: the check saw nothing");
        Assert.Equal(reference, Finish(Start(scenario, dir)));
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
