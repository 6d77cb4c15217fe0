using System.Diagnostics;
using Bulwark.Output;

namespace Bulwark.Cli.Tests;

/// <summary>
/// Issue 18: a run killed with SIGKILL while it writes <c>--out</c> leaves the complete set or nothing of itself. The
/// real executable (<c>bulwark fly … --out DIR</c>, six files) is started as a process and killed at moments spread over
/// a whole run (the first a few milliseconds in, the last after the reference run would have ended); then what the next
/// write into the folder does first (<see cref="OutputDirectory.RemoveStaleStaging"/>: a dead run's staging folder is
/// removed, a half-done move rolled back) is done, and the folder must hold either none of the run's files or all of
/// them, byte for byte the reference run's, and no staging folder.
/// </summary>
public class KillDuringOutTests(ITestOutputHelper output)
{
    private const int Moments = 16;

    [Fact]
    public async Task AKilledRunLeavesTheWholeSetOrNothing()
    {
        string flight = CliRunner.Example("flights", "nesc-09-eastward-cannonball.yaml");
        string referenceDir = CliRunner.TempDir();
        var stopwatch = Stopwatch.StartNew();
        using (Process reference = Start(flight, referenceDir))
        {
            await reference.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, reference.ExitCode);
        }

        double runMs = stopwatch.Elapsed.TotalMilliseconds;
        var expected = Files(referenceDir);
        Assert.True(expected.Count >= 5, $"the reference run wrote {expected.Count} files");
        int complete = 0, nothing = 0;
        for (int i = 0; i < Moments; i++)
        {
            // From 5 ms to 1.2 × the reference run, so that moments fall in start-up, flight, writing and after the end.
            int delayMs = 5 + (int)(i * 1.2 * runMs / (Moments - 1));
            string dir = CliRunner.TempDir();
            using (Process run = Start(flight, dir))
            {
                await Task.Delay(delayMs, TestContext.Current.CancellationToken);
                try
                {
                    run.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It had already ended.
                }

                await run.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            if (Directory.Exists(dir))
            {
                OutputDirectory.RemoveStaleStaging(dir);
            }

            var left = Directory.Exists(dir) ? Files(dir) : [];
            Assert.False(Directory.Exists(dir) && Directory.EnumerateDirectories(dir, OutputDirectory.StagingPrefix + "*").Any(), $"killed at {delayMs} ms: a staging folder is left");
            if (left.Count == 0)
            {
                nothing++;
            }
            else
            {
                Assert.Equal(expected.Keys.Order(), left.Keys.Order());
                foreach (var (name, bytes) in expected)
                {
                    Assert.True(bytes.AsSpan().SequenceEqual(left[name]), $"killed at {delayMs} ms: {name} differs from the reference run's");
                }

                complete++;
            }
        }

        output.WriteLine($"reference run {runMs:F0} ms; {Moments} kills: {complete} left the complete set, {nothing} left nothing");
    }

    private static Process Start(string flight, string outDir)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bulwark.exe" : "bulwark");
        var info = File.Exists(exe)
            ? new ProcessStartInfo(exe)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bulwark.dll") } };
        foreach (string a in new[] { "fly", flight, "--out", outDir })
        {
            info.ArgumentList.Add(a);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var p = Process.Start(info)!;
        p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        return p;
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.EnumerateFiles(dir).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes, StringComparer.Ordinal);
}
