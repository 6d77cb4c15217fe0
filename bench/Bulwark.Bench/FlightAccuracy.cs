using System.Globalization;
using Bulwark.Catalog.Reading;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;

namespace Bulwark.Bench;

/// <summary>
/// The default integrator's accuracy against its cost, over many free flights rather than one
/// (<c>Bulwark.Bench --accuracy 150</c>; docs/performance.md, "The first step at Hairer's bound"): re-entry vehicles
/// (1,000 kg; in vacuum, then with drag, reference area 1 m², Cd 0.125) from random states, seeded so that every build flies
/// the same ones: 200–1,500 km up, 2–6 km/s relative to the Earth (below the speeds that stay in orbit from there), flight-path
/// angles ±30°, any heading, latitudes ±60°. Each is flown at <see cref="PropagationOptions.DefaultIntegrator"/>'s
/// tolerances and again at rtol 1e−13, atol 1e−9, largest step 10 s; the line per set prints the impact points' distance
/// (median, mean, 90th percentile, largest) and the evaluations and rejected steps at the default tolerances. A change
/// that saves evaluations at the same tolerances should leave the distances where they were: a looser tolerance would
/// move them by about the fifth power of the evaluations saved.
/// </summary>
internal static class FlightAccuracy
{
    private const int Seed = 12345;

    public static int Run(string count)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int flights) || flights <= 0)
        {
            Console.Error.WriteLine($"--accuracy {count}: the number of flights must be a positive integer");
            return 2;
        }

        var random = new Random(Seed);
        foreach (bool drag in new[] { false, true })
        {
            var distances = new List<double>();
            long evaluations = 0, rejected = 0;
            for (int k = 0; k < flights; k++)
            {
                FlightFile file = FlightFile.Parse("ensemble.yaml", RandomFlight(random, drag));
                FlightPlan plan = file.Vehicle.FreeFlight(file.Environment, file.InitialState);
                PropagationOptions options = file.Options with { OutputStepS = 0 };
                PropagationOptions tight = options with
                {
                    Integrator = options.Integrator with { RelativeTolerance = 1e-13, AbsoluteTolerance = 1e-9, MaxStepS = 10 },
                };
                Trajectory flown = new Propagator(file.Environment, options).Run(plan);
                Trajectory reference = new Propagator(file.Environment, tight).Run(plan);
                distances.Add((flown.Final.PositionEciM - reference.Final.PositionEciM).Norm);
                evaluations += flown.Evaluations;
                rejected += flown.RejectedSteps;
            }

            distances.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(drag ? "with drag" : "in vacuum")}: {flights} flights, impact from the rtol 1e-13 flight: median {Mm(distances[flights / 2])}, " +
                $"mean {Mm(distances.Average())}, 90th percentile {Mm(distances[(int)(0.9 * flights)])}, largest {Mm(distances[^1])} mm; " +
                $"{evaluations} evaluations, {rejected} rejected steps"));
        }

        return 0;
    }

    private static string Mm(double metres) => (metres * 1e3).ToString("F3", CultureInfo.InvariantCulture);

    private static string RandomFlight(Random random, bool drag)
    {
        double lat = random.NextDouble() * 120 - 60, lon = random.NextDouble() * 360 - 180, alt = 200e3 + random.NextDouble() * 1300e3;
        double speed = 2000 + random.NextDouble() * 4000, gamma = (random.NextDouble() * 60 - 30) * Math.PI / 180;
        double azimuth = random.NextDouble() * 2 * Math.PI;
        double horizontal = speed * Math.Cos(gamma), down = -speed * Math.Sin(gamma);
        string vehicle = drag ? "{ mass_kg: 1000, reference_area_m2: 1, cd: 0.125 }" : "{ mass_kg: 1000 }";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            earth: { model: wgs84 }
            atmosphere: {{(drag ? "ussa1976" : "none")}}
            vehicle: {{vehicle}}
            initial: { lat_deg: {{lat:R}}, lon_deg: {{lon:R}}, alt_m: {{alt:R}}, v_north_m_s: {{horizontal * Math.Cos(azimuth):R}}, v_east_m_s: {{horizontal * Math.Sin(azimuth):R}}, v_down_m_s: {{down:R}} }
            stop: { altitude_m: 0 }
            """);
    }
}
