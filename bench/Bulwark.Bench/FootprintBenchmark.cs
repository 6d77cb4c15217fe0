using BenchmarkDotNet.Attributes;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Analysis;

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
/// Trajectories flown per grid and the fan's error against the direct grid (tracks and defended area) are printed in
/// set-up (<c>// flights</c>, <c>// error</c>); the agreement is also tested (ThreatGridTests,
/// FootprintShortcutValidationTests) and quoted in docs/footprint.md.
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
        _grid = ThreatGrid.Fly(new AnalysisContext(BulwarkCatalog.BuiltIn), "sejjil-2", ["tabriz"], Box, 1);
        var direct = ThreatGrid.Fly(new AnalysisContext(BulwarkCatalog.BuiltIn), "sejjil-2", ["tabriz"], Box, 1, ThreatGridMethod.Direct);
        Console.WriteLine($"// flights: fan {_grid.Flights} ({_grid.FanFlights} building the fan, {_grid.TargeterCells} cells via the targeter), direct {direct.Flights}");
        FootprintResult fan = Footprints.Evaluate("epaa-phase-3-2018", _grid), reference = Footprints.Evaluate("epaa-phase-3-2018", direct);
        Console.WriteLine(ShortcutError(_grid, direct, fan, reference));
    }

    /// <summary>The fan's error against the direct grid: its tracks (largest differences) and the defended area.</summary>
    private static string ShortcutError(ThreatGrid fanGrid, ThreatGrid directGrid, FootprintResult fan, FootprintResult reference)
    {
        double dEl = 0, dT = 0;
        int states = 0;
        for (int i = 0; i < fanGrid.Grid.Cells.Count; i++)
        {
            states += fan.Cells[i].State != reference.Cells[i].State ? 1 : 0;
            if (fanGrid.Threat(0, i)?.Solution is { } f && directGrid.Threat(0, i)?.Solution is { } d)
            {
                dEl = Math.Max(dEl, Math.Abs(f.Controls.ElevationRad - d.Controls.ElevationRad));
                dT = Math.Max(dT, Math.Abs(f.FlightTimeS - d.FlightTimeS));
            }
        }

        double dA = fan.DefendedAreaKm2 - reference.DefendedAreaKm2;
        return FormattableString.Invariant(
            $"// error of the fan against the direct grid: launch elevation <= {dEl:E1} rad, flight time <= {dT:F3} s; defended area {dA:+0;-0;0} km2 of {reference.DefendedAreaKm2:F0} ({100 * dA / Math.Max(reference.DefendedAreaKm2, 1):+0.00;-0.00;0.00}%), cells in another state {states}");
    }

    [Benchmark]
    public ThreatGrid FlyGridFan() => ThreatGrid.Fly(new AnalysisContext(BulwarkCatalog.BuiltIn), "sejjil-2", ["tabriz"], Box, 1);

    [Benchmark]
    public ThreatGrid FlyGridDirect() => ThreatGrid.Fly(new AnalysisContext(BulwarkCatalog.BuiltIn), "sejjil-2", ["tabriz"], Box, 1, ThreatGridMethod.Direct);

    [Benchmark]
    public FootprintResult Evaluate() => Footprints.Evaluate("epaa-phase-3-2018", _grid);
}
