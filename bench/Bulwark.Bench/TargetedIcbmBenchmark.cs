using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Bench;

/// <summary>
/// A targeted minimum-energy trajectory of the catalog's notional three-stage Topol-M (topol-m)
/// from Kozelsk (54.035 N, 36.013 E) to Sacramento (38.58 N, 121.49 W): 9,519 km, energy fraction 0.999, on rotating
/// WGS-84 with J2 and the 1976 atmosphere (<see cref="FlightEnvironment.Default"/>).
/// <list type="bullet">
/// <item><see cref="Solve"/>: the whole targeting solve (<see cref="Targeter.Solve"/>), every trajectory it flies.</item>
/// <item><see cref="FlySolvedPlan"/>: one flight of the solved plan, launch to impact (<see cref="Propagator.Run(FlightPlan, double?)"/>, with
/// the options the targeter uses: apogee located, no samples).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class TargetedIcbmBenchmark : IReportsWork
{
    public static readonly Geodetic Launch = Geodetic.FromDegrees(54.035, 36.013);
    public static readonly Geodetic Aim = Geodetic.FromDegrees(38.58, -121.49);

    private FlightEnvironment _environment = null!;
    private IGuidedMissile _missile = null!;
    private TargetingRequest _request = null!;
    private Targeter _targeter = null!;
    private Propagator _propagator = null!;
    private FlightPlan _solvedPlan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _environment = FlightEnvironment.Default;
        _missile = Bulwark.Catalog.BulwarkCatalog.BuiltIn.Missile("topol-m");
        _request = new TargetingRequest(Launch, Aim, TrajectoryShape.MinimumEnergy);
        _targeter = new Targeter(_environment);
        _propagator = new Propagator(_environment, new PropagationOptions(null, 0, 0, true, PropagationOptions.DefaultIntegrator));
        TargetingSolution s = _targeter.Solve(_missile, _request);
        _solvedPlan = _missile.Plan(_environment, _request.Launch, _request.LaunchTimeS, s.AzimuthRad, s.Controls);
        Console.WriteLine(Describe(s));
    }

    [Benchmark]
    public TargetingSolution Solve() => _targeter.Solve(_missile, _request);

    [Benchmark]
    public Trajectory FlySolvedPlan() => _propagator.Run(_solvedPlan, _request.LaunchTimeS + Targeter.MaxFlightTimeS);

    public BenchmarkWork? WorkPerOperation(string method)
    {
        Setup();
        var counter = new EvaluationCounter();
        switch (method)
        {
            case nameof(Solve):
                TargetingSolution counted = new Targeter(_environment).Solve(counter.Wrap(_missile), _request);
                Console.WriteLine(Invariant($"// work: Solve flew {counted.Flights} trajectories, {counter.Total} derivative evaluations ({(double)counter.Total / counted.Flights:F0} per trajectory)"));
                DescribeFlights(counter);
                return new BenchmarkWork(counted.Flights, counter.Total);
            case nameof(FlySolvedPlan):
                Trajectory t = _propagator.Run(counter.Wrap(_solvedPlan), _request.LaunchTimeS + Targeter.MaxFlightTimeS);
                Console.WriteLine(Invariant($"// work: the solved flight took {t.Evaluations} derivative evaluations (counted: {counter.Total}), {t.Steps} accepted steps"));
                foreach (var (phase, n) in counter.ByPhase)
                {
                    Console.WriteLine(Invariant($"//   phase {phase}: {n} evaluations"));
                }

                foreach (var (band, n) in counter.ByAltitudeBand)
                {
                    Console.WriteLine(Invariant($"//   air {band}: {n} evaluations"));
                }

                return new BenchmarkWork(1, t.Evaluations);
            default:
                return null;
        }
    }

    /// <summary>How the solve's flights divide between azimuth iterations and energies, and how many repeat an earlier flight exactly.</summary>
    private static void DescribeFlights(EvaluationCounter counter)
    {
        var plans = counter.Plans;
        int repeats = plans.Count - plans.Distinct().Count();
        Console.WriteLine(Invariant($"// work: {plans.Count} plans; {repeats} repeat an earlier (azimuth, energy, elevation) exactly"));
        foreach (var group in plans.GroupBy(p => p.AzimuthRad))
        {
            int full = group.Count(p => p.Controls.EnergyFraction == 1);
            int lowest = group.Count(p => p.Controls.EnergyFraction == 0.01);
            int energies = group.Select(p => p.Controls.EnergyFraction).Distinct().Count();
            Console.WriteLine(Invariant(
                $"//   azimuth {group.Key * 180 / Math.PI:F4} deg: {group.Count()} flights, {energies} energy fractions ({full} flights at 1, {lowest} at 0.01)"));
        }
    }

    private string Describe(TargetingSolution s)
    {
        Trajectory t = s.Trajectory;
        return string.Concat(
            Invariant($"// solution: range {s.GroundRangeM / 1000:F1} km, miss {s.MissDistanceM:F1} m, azimuth {s.AzimuthRad * 180 / Math.PI:F3} deg, "),
            Invariant($"energy {s.Controls.EnergyFraction:F4}, elevation {s.Controls.ElevationRad * 180 / Math.PI:F2} deg, flight time {s.FlightTimeS:F1} s, "),
            Invariant($"apogee {_environment.GeodeticPosition(s.Apogee!.Value).HeightM / 1000:F1} km; {s.Flights} trajectories flown; "),
            Invariant($"solved flight: {t.Evaluations} evaluations, {t.Steps} accepted steps"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
