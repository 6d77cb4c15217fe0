using BenchmarkDotNet.Attributes;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Bench;

/// <summary>
/// One value of each event function the propagator checks after every accepted step and during root finding, on rotating
/// WGS-84 with J2: the ground-impact crossing (<see cref="AltitudeCrossingEvent"/>: ECI→ECEF and the geodetic height)
/// and the apogee (<see cref="ApogeeEvent"/>: ECEF position and velocity, geodetic latitude and longitude, ENU rotation).
/// A state at 500 km over 50 N 40 E, 100 s after the epoch. For "where the time goes" in docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class EventFunctionBenchmark
{
    private static readonly FlightEnvironment Environment = FlightEnvironment.Default;
    private readonly double[] _y = new double[FlightState.Dimension];
    private AltitudeCrossingEvent _impact = null!;
    private ApogeeEvent _apogee = null!;
    private double _t;

    [GlobalSetup]
    public void Setup()
    {
        FlightState s = Environment.StateAt(100, Geodetic.FromDegrees(50, 40, 500_000), new Vec3(3000, 4000, 100), 1000);
        s.CopyTo(_y);
        _t = s.TimeS;
        _impact = new AltitudeCrossingEvent(Environment, 0, Integration.CrossingDirection.Decreasing);
        _apogee = new ApogeeEvent(Environment);
    }

    [Benchmark]
    public double ImpactAltitudeCrossing() => _impact.Value(_t, _y);

    [Benchmark]
    public double Apogee() => _apogee.Value(_t, _y);
}
