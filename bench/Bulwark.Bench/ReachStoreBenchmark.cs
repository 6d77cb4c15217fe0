using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;

namespace Bulwark.Bench;

/// <summary>
/// The reach-table store (docs/cache.md): the catalog's SM-3 IIA at Deveselu, default options (24 azimuth bins), every
/// bin forced (<see cref="ReachTable.NodeCount"/>):
/// <list type="bullet">
/// <item><see cref="Cold"/>: <see cref="ReachTable.OnDemand(Interceptor, Geodetic, ReachTableOptions?, DiskStore?)"/>
/// with a fresh, empty <see cref="DiskStore"/> in a temporary folder (made before each iteration, deleted after):
/// every bin built, deflated and written.</item>
/// <item><see cref="Warm"/>: the same with a store filled in set-up: every bin read, checked and inflated.</item>
/// <item><see cref="NoStore"/>: <see cref="ReachTable.Build"/>, no store at all.</item>
/// </list>
/// The set-up prints the store's bytes on disk against the grid's bytes in memory.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ReachStoreBenchmark
{
    private Interceptor _interceptor = null!;
    private Geodetic _site;
    private string _root = null!;
    private DiskStore _warm = null!;
    private DiskStore _cold = null!;
    private string _coldDirectory = null!;
    private int _coldRuns;

    [GlobalSetup]
    public void Setup()
    {
        _interceptor = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia");
        _site = BulwarkCatalog.BuiltIn.Place("deveselu").Position;
        _root = Path.Combine(Path.GetTempPath(), $"bulwark-bench-store-{Environment.ProcessId}-{Guid.NewGuid():N}");
        _warm = new DiskStore(Path.Combine(_root, "warm"));

        var fill = Stopwatch.StartNew();
        ReachTable filled = ReachTable.OnDemand(_interceptor, _site, null, _warm);
        int nodes = filled.NodeCount;
        fill.Stop();
        StoreUsage usage = _warm.Usage();
        Console.WriteLine(Invariant(
            $"// store: {usage.Entries} entries, {usage.Bytes:N0} bytes on disk ({usage.Bytes / 1e6:F2} MB) for {filled.Options.AzimuthBins} bins, {nodes:N0} nodes, {filled.GridBytes:N0} bytes in memory ({filled.GridBytes / 1e6:F1} MB): disk/memory {(double)usage.Bytes / filled.GridBytes:P1}; filled in {fill.Elapsed.TotalSeconds:F2} s ({_warm.Writes} writes)"));
        foreach (KindUsage kind in usage.Kinds)
        {
            Console.WriteLine(Invariant($"// store kind {kind.Kind}: {kind.Entries} entries, {kind.Bytes:N0} bytes"));
        }

        long[] files = [.. Directory.EnumerateFiles(_warm.Directory, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).Order()];
        Console.WriteLine(Invariant($"// store files: {files.Length}, smallest {files[0]:N0} bytes, median {files[files.Length / 2]:N0}, largest {files[^1]:N0}"));

        long hits = _warm.Hits, writes = _warm.Writes;
        var read = Stopwatch.StartNew();
        int warmNodes = Warm();
        read.Stop();
        Console.WriteLine(Invariant(
            $"// warm read in set-up: {warmNodes:N0} nodes (built: {nodes:N0}), {_warm.Hits - hits} hits, {_warm.Writes - writes} writes, {read.Elapsed.TotalSeconds:F2} s"));
    }

    [IterationSetup(Target = nameof(Cold))]
    public void FreshStore()
    {
        _coldDirectory = Path.Combine(_root, Invariant($"cold-{_coldRuns++}"));
        _cold = new DiskStore(_coldDirectory);
    }

    [IterationCleanup(Target = nameof(Cold))]
    public void RemoveFreshStore()
    {
        if (Directory.Exists(_coldDirectory))
        {
            Directory.Delete(_coldDirectory, recursive: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public int Cold() => ReachTable.OnDemand(_interceptor, _site, null, _cold).NodeCount;

    [Benchmark]
    public int Warm() => ReachTable.OnDemand(_interceptor, _site, null, _warm).NodeCount;

    [Benchmark]
    public int NoStore() => ReachTable.Build(_interceptor, _site).NodeCount;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
