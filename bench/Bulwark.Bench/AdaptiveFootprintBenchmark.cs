using Bulwark.Analysis;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using BenchmarkDotNet.Attributes;

namespace Bulwark.Bench;

/// <summary>
/// The adaptive footprint against the uniform grid at the same resolution (issue 15 item 4): EPAA phase 3 against the
/// Sejjil-2 from Tabriz over 36–48°N, 16–40°E at 0.5° (1,152 cells; the range edge, the defended area's edges and the
/// batteries inside), each operation flying its own threat grid (trajectory fans, then the aim points) and evaluating
/// the footprint; the reach tables are built in set-up and shared. Set-up prints the cells evaluated, the flights and
/// the agreement of the two (<c>// adaptive</c>); the agreement over NATO Europe is the explicit validation case
/// (AdaptiveFootprintValidationTests).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AdaptiveFootprintBenchmark
{
    private const double Resolution = 0.5;
    private static readonly GeoBox Box = new(36, 16, 48, 40);
    private AnalysisContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new AnalysisContext(BulwarkCatalog.BuiltIn);
        FootprintResult adaptive = Adaptive(), uniform = Uniform();
        int differ = Enumerable.Range(0, uniform.Cells.Count).Count(i => uniform.Cells[i].State != adaptive.Cells[i].State);
        Console.WriteLine(FormattableString.Invariant(
            $"// adaptive: {adaptive.EvaluatedCells} of {uniform.Cells.Count} cells evaluated, {adaptive.Threat.Flights} flights against {uniform.Threat.Flights}; defended {adaptive.DefendedAreaKm2:F0} km2 against {uniform.DefendedAreaKm2:F0}; cells in another state {differ}"));
    }

    [Benchmark(Baseline = true)]
    public FootprintResult Uniform() =>
        Footprints.Evaluate("epaa-phase-3-2018", ThreatGrid.Fly(_context, "sejjil-2", ["tabriz"], Box, Resolution));

    [Benchmark]
    public FootprintResult Adaptive() =>
        Footprints.Evaluate("epaa-phase-3-2018", ThreatGrid.Prepare(_context, "sejjil-2", ["tabriz"], Box, Resolution));
}
