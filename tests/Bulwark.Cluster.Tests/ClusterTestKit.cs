namespace Bulwark.Cluster.Tests;

/// <summary>What the cluster tests share: coordinator options that log to the test's output, tallies, worker logs.</summary>
internal static class ClusterTestKit
{
    public static ClusterExecutorOptions Options(ITestOutputHelper output, IProgress<ClusterProgress>? progress = null) => new()
    {
        WorkerWait = TimeSpan.FromSeconds(30),
        Log = line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} coordinator: {line}"),
        Progress = progress,
    };

    public static string[] Args(TestPostgres db, string name) => ["worker", "--cluster", db.ConnectionString, "--threads", "2", "--name", name];

    public static string Tallies(ClusterExecutor executor) =>
        string.Join(", ", executor.Workers.Select(w => $"{w.Name}: {w.Done} runs ({w.State})"));

    public static void Dump(ITestOutputHelper output, params WorkerProcess[] workers)
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
    public sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
