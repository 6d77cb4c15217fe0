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
/// last flight's end at full precision (which tells two builds' arithmetic apart); then the median, fastest and slowest
/// time a flight over blocks of 1,000 flights.
/// </summary>
internal static class FlightLoop
{
    /// <summary>Flights timed together as one block (about 6 ms of the ICBM free flight).</summary>
    private const int ChunkFlights = 1000;

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

        // Timed in blocks of ChunkFlights, so that the median block can be given beside the mean: the scipy peer gives a
        // median per flight, which a burst of interference from the VM's host (a block or two several times slower) does
        // not move, where it moves a mean.
        int chunks = (flights + ChunkFlights - 1) / ChunkFlights;
        var perFlight = new double[chunks];
        long start = Stopwatch.GetTimestamp();
        for (int c = 0, done = 0; c < chunks; c++)
        {
            int size = Math.Min(ChunkFlights, flights - done);
            long chunkStart = Stopwatch.GetTimestamp();
            for (int i = 0; i < size; i++)
            {
                last = fly();
            }

            perFlight[c] = Stopwatch.GetElapsedTime(chunkStart).TotalMicroseconds / size;
            done += size;
        }

        double meanUs = Stopwatch.GetElapsedTime(start).TotalMicroseconds / flights;
        Array.Sort(perFlight);
        double medianUs = chunks % 2 == 1 ? perFlight[chunks / 2] : 0.5 * (perFlight[chunks / 2 - 1] + perFlight[chunks / 2]);
        Flight.FlightState end = last.Final;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method}: {meanUs:F3} µs a flight over {flights} flights ({last.Evaluations} evaluations); ends at t {end.TimeS:R} s, r {end.PositionEciM.X:R} {end.PositionEciM.Y:R} {end.PositionEciM.Z:R} m"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method} blocks of {ChunkFlights} flights: median {medianUs:F3} µs a flight, fastest {perFlight[0]:F3}, slowest {perFlight[^1]:F3} ({chunks} blocks)"));
        return 0;
    }
}
