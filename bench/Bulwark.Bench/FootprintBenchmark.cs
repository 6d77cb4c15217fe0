using BenchmarkDotNet.Attributes;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;

namespace Bulwark.Bench;

/// <summary>
/// A footprint's two stages on a small grid (Sejjil-2 from Tabriz over 40–44°N, 20–28°E at 1°: 32 cells, the range edge
/// inside), on every core:
/// <list type="bullet">
/// <item><see cref="FlyGridFan"/>: <see cref="ThreatGrid.Fly"/> with trajectory fans (the default).</item>
/// <item><see cref="FlyGridDirect"/>: the same with the targeter for every cell (the reference).</item>
/// <item><see cref="Evaluate"/>: <see cref="Footprints.Evaluate(string, ThreatGrid, IReadOnlyList{string}?, int, IProgress{double}?)"/>
/// of EPAA phase 3 against the fan grid (reach tables built in set-up), coverage of the 29 countries included.</item>
/// </list>
/// Trajectories flown per grid: printed in set-up (<c>// flights</c>). The fan's agreement with the direct grid is
/// tested (ThreatGridTests, FootprintShortcutValidationTests) and quoted in docs/footprint.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class FootprintBenchmark
{
    private static readonly GeoBox Box = new(40, 20, 44, 28);
    private ThreatGrid _grid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _grid = ThreatGrid.Fly(BulwarkCatalog.BuiltIn, "sejjil-2", ["tabriz"], Box, 1);
        var direct = ThreatGrid.Fly(BulwarkCatalog.BuiltIn, "sejjil-2", ["tabriz"], Box, 1, ThreatGridMethod.Direct);
        Console.WriteLine($"// flights: fan {_grid.Flights} ({_grid.FanFlights} building the fan, {_grid.TargeterCells} cells via the targeter), direct {direct.Flights}");
        Footprints.Evaluate("epaa-phase-3-2018", _grid);
    }

    [Benchmark]
    public ThreatGrid FlyGridFan() => ThreatGrid.Fly(BulwarkCatalog.BuiltIn, "sejjil-2", ["tabriz"], Box, 1);

    [Benchmark]
    public ThreatGrid FlyGridDirect() => ThreatGrid.Fly(BulwarkCatalog.BuiltIn, "sejjil-2", ["tabriz"], Box, 1, ThreatGridMethod.Direct);

    [Benchmark]
    public FootprintResult Evaluate() => Footprints.Evaluate("epaa-phase-3-2018", _grid);
}
