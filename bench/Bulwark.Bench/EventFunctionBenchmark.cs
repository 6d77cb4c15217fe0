using BenchmarkDotNet.Attributes;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Bench;

/// <summary>
/// One value of each event function the propagator checks after every accepted step and during root finding, on rotating
/// WGS-84 with J2: the ground-impact crossing (<see cref="AltitudeCrossingEvent"/>: ECI→ECEF and the geodetic height)
/// and the apogee (<see cref="ApogeeEvent"/>: the height's closed form and the normal from its latitude numbers, the
/// Earth-relative velocity along it).
/// A state at 500 km over 50 N 40 E, 100 s after the epoch; and each one's certain sign
/// (<see cref="Integration.IEventFunction.CertainSign"/>), which the integrator asks first. For "where the time goes" in
/// docs/performance.md.
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
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        FlightState s = Environment.StateAt(100, Geodetic.FromDegrees(50, 40, 500_000), new Vec3(3000, 4000, 100), 1000);
        s.CopyTo(_y);
        _t = s.TimeS;
        _impact = new AltitudeCrossingEvent(Environment, 0, Integration.CrossingDirection.Decreasing);
        _apogee = new ApogeeEvent(Environment);
    }

    /// <summary>
    /// The impact's value at a time alternating between two a microsecond apart: the event's height is kept for the last
    /// time and position asked (<see cref="HeightProbe"/>, shared by the events of one step), and the same state twice
    /// in a row would measure that lookup, not the height.
    /// </summary>
    [Benchmark]
    public double ImpactAltitudeCrossing()
    {
        _flip = !_flip;
        return _impact.Value(_flip ? _t : _t + 1e-6, _y);
    }

    [Benchmark]
    public double Apogee() => _apogee.Value(_t, _y);

    /// <summary>The impact's certain sign (from the distance to the centre): what the integrator asks after most steps instead of the value.</summary>
    [Benchmark]
    public int ImpactCertainSign() => _impact.CertainSign(_t, _y);

    /// <summary>The apogee's certain sign (from the speed along the similar ellipsoid's normal; this state descends at 100 m/s, 2% of its speed, so it is certain).</summary>
    [Benchmark]
    public int ApogeeCertainSign() => _apogee.CertainSign(_t, _y);
}
