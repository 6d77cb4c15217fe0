using System.Diagnostics;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;

namespace Bulwark.Tests.Analysis.Deterrent;

public class ProbeTests(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Probe()
    {
        var catalog = BulwarkCatalog.BuiltIn;
        string arch = Environment.GetEnvironmentVariable("PROBE_ARCH") ?? "third-site-2007";
        var architecture = Architecture.Read(catalog.Get("architectures", arch).Node, catalog);
        var sw = Stopwatch.StartNew();
        var progress = new Progress<string>(s => output.WriteLine($"{sw.Elapsed.TotalSeconds:F1}s {s}"));
        var r = DeterrentAnalysis.Run(catalog, architecture, null, new SyncProgress(s => output.WriteLine($"{sw.Elapsed.TotalSeconds:F1}s {s}")));
        foreach (var t in r.Tracks)
        {
            foreach (var b in t.Batteries)
            {
                output.WriteLine($"{t.Flight.Threat.Id} {b.BatteryId} real={b.CanIntercept} ideal={b.CanInterceptIdeal} first={b.IdealSensors.First?.InterceptS} thr={b.Threshold?.SpeedMPerS} curve={string.Join(",", b.Curve.Select(c => c.SpeedMPerS))}");
            }
        }
        output.WriteLine($"tables? total {sw.Elapsed.TotalSeconds:F1}s");
    }

    private sealed class SyncProgress(Action<string> a) : IProgress<string>
    {
        public void Report(string value) => a(value);
    }
}
