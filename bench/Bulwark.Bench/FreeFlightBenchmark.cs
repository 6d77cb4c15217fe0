using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Catalog.Reading;

namespace Bulwark.Bench;

/// <summary>
/// Point-mass free flights (gravity, and drag where the body has an area):
/// <list type="bullet">
/// <item><see cref="Nesc09FlightFile"/>: examples/flights/nesc-09-eastward-cannonball.yaml as the CLI flies it
/// (<see cref="FlightFile.Fly"/>: a new propagator, 30 s, samples every 0.1 s).</item>
/// <item><see cref="Nesc09NoSamples"/>: the same flight on a reused propagator without samples.</item>
/// <item><see cref="RvVacuumFromApogee"/> and <see cref="RvDragFromApogee"/>: a 1,000 kg re-entry vehicle from 1,000 km,
/// 5.5 km/s east over 40 N 30 E, down to impact, on rotating WGS-84 with J2; in vacuum (no area, no atmosphere) and with
/// drag (β = 8,000 kg/m², as the ICBM example's RV; 1976 atmosphere). Reused propagator, apogee located, no samples.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class FreeFlightBenchmark : IReportsWork
{
    internal const string RvVacuumYaml = """
        earth: { model: wgs84 }
        atmosphere: none
        vehicle: { mass_kg: 1000 }
        initial: { lat_deg: 40, lon_deg: 30, alt_m: 1000000, v_north_m_s: 0, v_east_m_s: 5500, v_down_m_s: 0 }
        stop: { altitude_m: 0 }
        """;

    private const string RvDragYaml = """
        earth: { model: wgs84 }
        atmosphere: ussa1976
        vehicle: { mass_kg: 1000, reference_area_m2: 1, cd: 0.125 }
        initial: { lat_deg: 40, lon_deg: 30, alt_m: 1000000, v_north_m_s: 0, v_east_m_s: 5500, v_down_m_s: 0 }
        stop: { altitude_m: 0 }
        """;

    private FlightFile _nesc09 = null!;
    private (Propagator Propagator, FlightPlan Plan) _nesc09NoSamples;
    private (Propagator Propagator, FlightPlan Plan) _rvVacuum;
    private (Propagator Propagator, FlightPlan Plan) _rvDrag;

    [GlobalSetup]
    public void Setup()
    {
        _nesc09 = FlightFile.Parse(Examples.Nesc09Flight, Examples.Read(Examples.Nesc09Flight));
        _nesc09NoSamples = Reusable(_nesc09);
        _rvVacuum = Reusable(FlightFile.Parse("rv-vacuum.yaml", RvVacuumYaml));
        _rvDrag = Reusable(FlightFile.Parse("rv-drag.yaml", RvDragYaml));
        Describe(nameof(Nesc09FlightFile), Nesc09FlightFile());
        Describe(nameof(Nesc09NoSamples), Nesc09NoSamples());
        Describe(nameof(RvVacuumFromApogee), RvVacuumFromApogee());
        Describe(nameof(RvDragFromApogee), RvDragFromApogee());
        PrintStates(nameof(RvVacuumFromApogee), _rvVacuum.Plan.Initial, RvVacuumFromApogee());
    }

    [Benchmark]
    public Trajectory Nesc09FlightFile() => _nesc09.Fly();

    [Benchmark]
    public Trajectory Nesc09NoSamples() => _nesc09NoSamples.Propagator.Run(_nesc09NoSamples.Plan);

    [Benchmark]
    public Trajectory RvVacuumFromApogee() => _rvVacuum.Propagator.Run(_rvVacuum.Plan);

    [Benchmark]
    public Trajectory RvDragFromApogee() => _rvDrag.Propagator.Run(_rvDrag.Plan);

    public BenchmarkWork? WorkPerOperation(string method)
    {
        Setup();
        Trajectory? t = method switch
        {
            nameof(Nesc09FlightFile) => Nesc09FlightFile(),
            nameof(Nesc09NoSamples) => Nesc09NoSamples(),
            nameof(RvVacuumFromApogee) => RvVacuumFromApogee(),
            nameof(RvDragFromApogee) => RvDragFromApogee(),
            _ => null,
        };
        return t is null ? null : new BenchmarkWork(1, t.Evaluations);
    }

    /// <summary>The file's flight on a propagator that is reused and records no samples.</summary>
    internal static (Propagator Propagator, FlightPlan Plan) Reusable(FlightFile file) =>
        (new Propagator(file.Environment, file.Options with { OutputStepS = 0 }), file.Vehicle.FreeFlight(file.Environment, file.InitialState));

    /// <summary>
    /// The flight's initial and final ECI states and its events at full precision (round-trip "R"), one line each:
    /// bench/peers/icbm_free_flight.py (the scipy peer) reads them to check its own initial state and to compare
    /// its impact with this one.
    /// </summary>
    private static void PrintStates(string name, FlightState initial, Trajectory t)
    {
        Console.WriteLine(State($"// {name} initial", initial));
        Console.WriteLine(State($"// {name} final", t.Final));
        foreach (FlightEvent e in t.Events)
        {
            Console.WriteLine(State($"// {name} event {e.Name}", e.State));
        }
    }

    private static string State(string label, FlightState s) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{label}: t {s.TimeS:R} r {s.PositionEciM.X:R} {s.PositionEciM.Y:R} {s.PositionEciM.Z:R} v {s.VelocityEciMPerS.X:R} {s.VelocityEciMPerS.Y:R} {s.VelocityEciMPerS.Z:R} m {s.MassKg:R}");

    private static void Describe(string name, Trajectory t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {name}: ends at {t.Final.TimeS:F1} s ({t.End}), {t.Evaluations} evaluations, {t.Steps} accepted steps, {t.Samples.Count} samples"));
}
