using System.Diagnostics;
using System.Globalization;
using Bulwark.Flight.Propagation;

namespace Bulwark.Bench;

/// <summary>
/// One of <see cref="FreeFlightBenchmark"/>'s flights flown in a plain loop, outside BenchmarkDotNet, so that two builds can
/// be timed at once, each pinned to a core of its own (docs/performance.md, "Against a Python peer"):
/// <c>taskset -c 0 dotnet bench/Bulwark.Bench/bin/Release/net10.0/Bulwark.Bench.dll --loop RvVacuumFromApogee 300000</c>.
/// Flies for five seconds to warm up (one second left the runtime's tiered compilation unfinished: 38 µs a flight over the
/// next 100,000 where 20.8 µs after five), then the given number of flights, and prints the mean time per flight and the
/// last flight's end at full precision (which tells two builds' arithmetic apart).
/// </summary>
internal static class FlightLoop
{
    public static int Run(string method, string count)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int flights) || flights <= 0)
        {
            Console.Error.WriteLine($"--loop {method} {count}: the number of flights must be a positive integer");
            return 2;
        }

        var benchmark = new FreeFlightBenchmark();
        Func<Trajectory>? fly = method switch
        {
            nameof(FreeFlightBenchmark.Nesc09NoSamples) => benchmark.Nesc09NoSamples,
            nameof(FreeFlightBenchmark.RvVacuumFromApogee) => benchmark.RvVacuumFromApogee,
            nameof(FreeFlightBenchmark.RvDragFromApogee) => benchmark.RvDragFromApogee,
            _ => null,
        };
        if (fly is null)
        {
            Console.Error.WriteLine($"--loop {method}: expected Nesc09NoSamples, RvVacuumFromApogee or RvDragFromApogee");
            return 2;
        }

        benchmark.Setup();
        Trajectory last = fly();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(5))
        {
            last = fly();
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < flights; i++)
        {
            last = fly();
        }

        clock.Stop();
        Flight.FlightState end = last.Final;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method}: {clock.Elapsed.TotalMicroseconds / flights:F3} µs a flight over {flights} flights ({last.Evaluations} evaluations); ends at t {end.TimeS:R} s, r {end.PositionEciM.X:R} {end.PositionEciM.Y:R} {end.PositionEciM.Z:R} m"));
        return 0;
    }
}
