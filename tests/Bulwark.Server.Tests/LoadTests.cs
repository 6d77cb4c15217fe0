using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bulwark.Server.Tests;

/// <summary>
/// The server under load (issue 18): 1,000 requests for a cached scene at concurrency 50, then 200 distinct posted scenes
/// at concurrency 50. No connection is reset or times out, nothing answers 5xx but 503 with Retry-After (the queue of
/// scene computations is full), the scene cache stays at its bound and memory stays bounded. Explicit (a long run, not in
/// every <c>dotnet test</c>); its figures go to docs/viewer.md. To run it:
/// <c>tests/Bulwark.Server.Tests/bin/Release/net10.0/Bulwark.Server.Tests --filter-class "*LoadTests*" --explicit only</c>.
/// </summary>
public class LoadTests
{
    private const int Concurrency = 50;

    private sealed class Tally
    {
        public ConcurrentDictionary<int, int> Statuses { get; } = new();

        public int Resets;
        public int Timeouts;
        public int Busy;
        public int BusyWithoutRetryAfter;
        public ConcurrentBag<double> Seconds { get; } = [];

        public override string ToString()
        {
            double[] s = [.. Seconds.Order()];
            string pct(double p) => s.Length == 0 ? "-" : s[Math.Min(s.Length - 1, (int)(p * s.Length))].ToString("0.000", CultureInfo.InvariantCulture);
            return $"statuses {string.Join(", ", Statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}; resets {Resets}; timeouts {Timeouts}; " +
                $"latency p50 {pct(0.5)} s, p99 {pct(0.99)} s, max {pct(1.0)} s";
        }
    }

    private static async Task Run(HttpClient http, int count, Func<int, HttpRequestMessage> request, Tally tally)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using HttpRequestMessage message = request(i);
                using HttpResponseMessage response = await http.SendAsync(message, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                tally.Statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref tally.Busy);
                    if (response.Headers.RetryAfter?.Delta is not { TotalSeconds: > 0 })
                    {
                        Interlocked.Increment(ref tally.BusyWithoutRetryAfter);
                    }
                }
            }
            catch (HttpRequestException e) when (e.InnerException is IOException or SocketException || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded)
            {
                Interlocked.Increment(ref tally.Resets);
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref tally.Timeouts);
            }

            tally.Seconds.Add(watch.Elapsed.TotalSeconds);
        });
    }

    private static (long ManagedBytes, long WorkingSetBytes) Memory()
    {
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (managed, self.WorkingSet64);
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>A small scenario: the third site's GBIs against an Iranian ICBM toward Boston; <paramref name="name"/> makes it distinct.</summary>
    private static string Scenario(string name) =>
        $"name: {name}\narchitecture: third-site-2007\nthreats:\n  - {{ id: to-boston, missile: iran-icbm, from: semnan, to: boston }}\n";

    [Fact(Explicit = true)]
    [Trait("Category", "Load")]
    public async Task ManyRequestsStayBounded()
    {
        string root = Path.Combine(Path.GetTempPath(), "bulwark-load-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "load.yaml"), Scenario("load"));
        var options = new ViewerOptions { Port = 0, ScenariosDir = root };
        WebApplication app = ViewerServer.Build(options);
        var report = new StringBuilder();
        void Say(string line)
        {
            report.AppendLine(line);
            TestContext.Current.SendDiagnosticMessage(line);
        }

        try
        {
            string baseUrl = await ViewerServer.StartAsync(app);
            SceneService service = app.Services.GetRequiredService<SceneService>();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { Timeout = TimeSpan.FromMinutes(10) };
            Say($"machine: {Environment.ProcessorCount} processors; limits: {service.Limits.Concurrent} computing, {service.Limits.Queued} waiting, scene cache {options.SceneCacheSize}");

            var start = Memory();
            string query = "/api/scene?scenario=load&threat=to-boston";
            var watch = Stopwatch.StartNew();
            using (HttpResponseMessage warm = await http.GetAsync(baseUrl + query, TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }

            Say($"warm-up (the scene, its reach tables): {watch.Elapsed.TotalSeconds:0.0} s");
            var warmed = Memory();

            var cached = new Tally();
            watch.Restart();
            await Run(http, 1000, i => new HttpRequestMessage(HttpMethod.Get, baseUrl + (i % 2 == 0 ? query : query.Replace("/api/scene", "/api/summary", StringComparison.Ordinal))), cached);
            double cachedSeconds = watch.Elapsed.TotalSeconds;
            var afterCached = Memory();
            Say($"1,000 cached requests at concurrency {Concurrency}: {cachedSeconds:0.0} s ({1000 / cachedSeconds:0} per s); {cached}");

            var posted = new Tally();
            long computedBefore = service.ScenesComputed;
            watch.Restart();
            await Run(http, 200, i => new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/scene")
            {
                Content = new StringContent(Scenario($"load {i}"), Encoding.UTF8, "application/x-yaml"),
            }, posted);
            double postedSeconds = watch.Elapsed.TotalSeconds;
            var afterPosted = Memory();
            using var self = Process.GetCurrentProcess();
            Say($"200 distinct posted scenes at concurrency {Concurrency}: {postedSeconds:0.0} s; {posted}; computed {service.ScenesComputed - computedBefore}, refused {service.Refused}, cached now {service.CachedScenes}");
            Say($"memory (managed heap after a full GC / working set): start {Mib(start.ManagedBytes)} / {Mib(start.WorkingSetBytes)}; " +
                $"after warm-up {Mib(warmed.ManagedBytes)} / {Mib(warmed.WorkingSetBytes)}; after the cached requests {Mib(afterCached.ManagedBytes)} / {Mib(afterCached.WorkingSetBytes)}; " +
                $"after the posted scenes {Mib(afterPosted.ManagedBytes)} / {Mib(afterPosted.WorkingSetBytes)}; peak working set {Mib(self.PeakWorkingSet64)}");
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "load-test.txt"), report.ToString());

            Assert.Equal(0, cached.Resets + posted.Resets);
            Assert.Equal(0, cached.Timeouts + posted.Timeouts);
            Assert.Equal(1000, cached.Statuses.GetValueOrDefault(200)); // a cached scene is served whatever the load
            Assert.Equal(0, posted.BusyWithoutRetryAfter);
            Assert.All(posted.Statuses.Keys, s => Assert.True(s is 200 or 503, $"status {s}"));
            Assert.True(posted.Statuses.GetValueOrDefault(200) >= service.Limits.Concurrent, "too few scenes computed");
            Assert.True(service.CachedScenes <= options.SceneCacheSize);
            // Bounded: the scene cache holds at most 32 scenes; what the posted scenes leave must not grow with their count.
            Assert.True(afterPosted.ManagedBytes - warmed.ManagedBytes < 1L << 30, $"managed heap grew by {Mib(afterPosted.ManagedBytes - warmed.ManagedBytes)}");
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
