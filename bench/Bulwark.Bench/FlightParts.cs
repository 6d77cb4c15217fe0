using System.Diagnostics;
using System.Globalization;
using Bulwark.Catalog.Reading;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Integration;

namespace Bulwark.Bench;

/// <summary>
/// <see cref="FreeFlightBenchmark.RvVacuumFromApogee"/> taken apart in one process, for docs/performance.md ("The
/// equations' gravity computed directly, …"): the integrator alone to the impact's time (no events), the integrator with
/// the impact event, with the impact and apogee events (what the propagator passes a vacuum segment), and the
/// propagator's whole flight. The four are timed in turn, round after round, so that a host's drift falls on all of
/// them alike; the medians over the rounds are printed last, then how many exact values each event is asked for in one
/// flight (the other checks are answered by its certain sign). <c>Bulwark.Bench --parts 200000</c>.
/// </summary>
internal static class FlightParts
{
    private const int Rounds = 5;

    public static int Run(string count)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int flights) || flights <= 0)
        {
            Console.Error.WriteLine($"--parts {count}: the number of flights must be a positive integer");
            return 2;
        }

        FlightFile file = FlightFile.Parse("rv-vacuum.yaml", FreeFlightBenchmark.RvVacuumYaml);
        FlightEnvironment environment = file.Environment;
        (Propagator propagator, FlightPlan plan) = FreeFlightBenchmark.Reusable(file);
        Trajectory whole = propagator.Run(plan);
        var equations = new EquationsOfMotion(environment, plan.Phases[0].Forces);
        var integrator = new DormandPrince54(FlightState.Dimension, file.Options.Integrator);
        double[] y0 = new double[FlightState.Dimension], yEnd = new double[FlightState.Dimension];
        plan.Initial.CopyTo(y0);
        double t0 = plan.Initial.TimeS, tImpact = whole.Final.TimeS;
        IEventFunction impact = new AltitudeCrossingEvent(environment, 0, CrossingDirection.Decreasing);
        IEventFunction[] none = [], impactOnly = [impact], impactAndApogee = [impact, new ApogeeEvent(environment)];

        (string Name, Func<int> Fly)[] parts =
        [
            ("integrator alone, to the impact's time", () => integrator.Integrate(equations.AsDirect(), t0, y0, tImpact, yEnd, none).Evaluations),
            ("with the impact event", () => integrator.Integrate(equations.AsDirect(), t0, y0, t0 + Propagator.OpenEndedPhaseLimitS, yEnd, impactOnly).Evaluations),
            ("with the impact and apogee events", () => integrator.Integrate(equations.AsDirect(), t0, y0, t0 + Propagator.OpenEndedPhaseLimitS, yEnd, impactAndApogee).Evaluations),
            ("the propagator's flight", () => propagator.Run(plan).Evaluations),
        ];

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach ((_, Func<int> fly) in parts)
            {
                fly();
            }
        }

        var times = new double[parts.Length][];
        for (int p = 0; p < parts.Length; p++)
        {
            times[p] = new double[Rounds];
        }

        for (int round = 0; round < Rounds; round++)
        {
            for (int p = 0; p < parts.Length; p++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < flights; i++)
                {
                    parts[p].Fly();
                }

                times[p][round] = clock.Elapsed.TotalMicroseconds / flights;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {string.Join(", ", Enumerable.Range(0, parts.Length).Select(p => $"{times[p][round]:F3}"))} µs"));
        }

        for (int p = 0; p < parts.Length; p++)
        {
            double[] sorted = [.. times[p].Order()];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{parts[p].Name}: median {sorted[Rounds / 2]:F3} µs a flight over {Rounds} rounds of {flights} ({parts[p].Fly()} evaluations)"));
        }

        // How many exact values each event is asked for in one flight (the rest of its checks are certain signs).
        var countedImpact = new CountingEvent(impact);
        var countedApogee = new CountingEvent(new ApogeeEvent(environment));
        integrator.Integrate(equations.AsDirect(), t0, y0, t0 + Propagator.OpenEndedPhaseLimitS, yEnd, [countedImpact, countedApogee]);
        Console.WriteLine($"exact event values a flight: impact {countedImpact.Values}, apogee {countedApogee.Values} (certain signs asked: {countedImpact.Checks} and {countedApogee.Checks})");
        return 0;
    }

    /// <summary>An event that counts the exact values asked of it and the certain signs asked after steps.</summary>
    private sealed class CountingEvent(IEventFunction inner) : IEventFunction
    {
        public int Values { get; private set; }

        public int Checks { get; private set; }

        public CrossingDirection Direction => inner.Direction;

        public double Value(double t, ReadOnlySpan<double> y)
        {
            Values++;
            return inner.Value(t, y);
        }

        public int CertainSign(double t, ReadOnlySpan<double> y)
        {
            Checks++;
            return inner.CertainSign(t, y);
        }
    }
}
