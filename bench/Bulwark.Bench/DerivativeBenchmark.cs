using BenchmarkDotNet.Attributes;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Guidance;
using Bulwark.Numerics;

namespace Bulwark.Bench;

/// <summary>
/// One call of <see cref="EquationsOfMotion.Derivative"/> on rotating WGS-84 with J2 and the 1976 atmosphere, with the
/// force sets the vehicles use:
/// <list type="bullet">
/// <item>gravity only (point mass + J2): a vacuum flight;</item>
/// <item>gravity + drag: the re-entry vehicle (β = 8,000 kg/m²) at 40 km (closed-form layers of the atmosphere), 300 km (the
/// 86–1000 km table) and 1,100 km (above the standard, extrapolated); the context adds the ECEF and geodetic positions and
/// the air;</item>
/// <item>boost: gravity + body drag + thrust (the ICBM example's first stage, 1.2 m² nozzle exit) at 30 km and 1.5 km/s
/// with gravity-turn steering, and at 2 km with pitch-over and vertical-rise steering (these build the local axes).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class DerivativeBenchmark : IReportsWork
{
    private static readonly FlightEnvironment Environment = FlightEnvironment.Default;
    private readonly double[] _dydt = new double[FlightState.Dimension];
    private Case _gravity, _drag40, _drag300, _drag1100, _boostGravityTurn, _boostPitchOver, _boostVertical;

    [GlobalSetup]
    public void Setup()
    {
        var gravity = new GravityForce(Environment.Planet);
        var rvDrag = new DragForce(1.0, DragCoefficient.Constant(0.125));
        var bodyDrag = new DragForce(Math.PI * 1.86 * 1.86 / 4, new MachTableDragCoefficient([0, 0.8, 1.2, 2, 5], [0.25, 0.3, 0.45, 0.35, 0.25]));
        const double mdot = 25300.0 / 60, isp = 275, exit = 1.2;
        ThrustForce Thrust(ISteering steering) => new(mdot, isp, exit, steering);
        var azimuth = 40 * Math.PI / 180;

        _gravity = new Case([gravity], State(500_000, new Vec3(0, 6000, 500), 1000));
        _drag40 = new Case([gravity, rvDrag], State(40_000, new Vec3(3000, 4000, 2500), 1000));
        _drag300 = new Case([gravity, rvDrag], State(300_000, new Vec3(3000, 4000, 2500), 1000));
        _drag1100 = new Case([gravity, rvDrag], State(1_100_000, new Vec3(3000, 4000, 100), 1000));
        _boostGravityTurn = new Case([gravity, bodyDrag, Thrust(GravityTurnSteering.Instance)], State(30_000, new Vec3(900, 900, -700), 30_000));
        _boostPitchOver = new Case([gravity, bodyDrag, Thrust(new PitchOverSteering(azimuth, 90, 12, 0.3))], State(2_000, new Vec3(0, 0, -150), 45_000));
        _boostVertical = new Case([gravity, bodyDrag, Thrust(VerticalSteering.Instance)], State(2_000, new Vec3(0, 0, -150), 45_000));
    }

    [Benchmark]
    public double GravityOnly() => Evaluate(_gravity);

    [Benchmark]
    public double GravityDrag40Km() => Evaluate(_drag40);

    [Benchmark]
    public double GravityDrag300Km() => Evaluate(_drag300);

    [Benchmark]
    public double GravityDrag1100Km() => Evaluate(_drag1100);

    [Benchmark]
    public double BoostGravityTurn() => Evaluate(_boostGravityTurn);

    [Benchmark]
    public double BoostPitchOver() => Evaluate(_boostPitchOver);

    [Benchmark]
    public double BoostVerticalRise() => Evaluate(_boostVertical);

    public BenchmarkWork? WorkPerOperation(string method) => new BenchmarkWork(0, 1);

    private double Evaluate(Case c)
    {
        c.Equations.Derivative(c.TimeS, c.Y, _dydt);
        return _dydt[3] + _dydt[6];
    }

    /// <summary>A state at 100 s after the epoch over 50 N 40 E, at a height, with an Earth-relative NED velocity and a mass.</summary>
    private static FlightState State(double heightM, Vec3 velocityNedMPerS, double massKg) =>
        Environment.StateAt(100, Geodetic.FromDegrees(50, 40, heightM), velocityNedMPerS, massKg);

    private readonly struct Case
    {
        public Case(IForce[] forces, FlightState state)
        {
            Equations = new EquationsOfMotion(Environment, forces);
            TimeS = state.TimeS;
            Y = new double[FlightState.Dimension];
            state.CopyTo(Y);
        }

        public EquationsOfMotion Equations { get; }

        public double TimeS { get; }

        public double[] Y { get; }
    }
}
