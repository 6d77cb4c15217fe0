using Bulwark.Atmosphere;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Propagation;

public class SmoothBandEventTests
{
    private static readonly FlightEnvironment Env = FlightEnvironment.Default;
    private static readonly DragCoefficient MachTable = new MachTableDragCoefficient([0, 0.8, 1.2, 2, 5], [0.25, 0.3, 0.45, 0.35, 0.25]);

    private static double[] Y(FlightState s) { var y = new double[FlightState.Dimension]; s.CopyTo(y); return y; }

    /// <summary>A state over 45° N 30° E at a height, moving north at a ground speed.</summary>
    private static FlightState At(double heightM, double northMPerS = 0) =>
        Env.StateAt(100, Geodetic.FromDegrees(45, 30, heightM), new Vec3(northMPerS, 0, 0), 1000);

    [Fact]
    public void TheAtmosphereBreaksAtItsLayerBasesAnd86Km()
    {
        // US Standard Atmosphere 1976, Table 4: the lapse rate changes at 11, 20, 32, 47, 51 and 71 km′ (geopotential;
        // eq. (19) to geometric); the species region starts at 86 km; the state is held below −5 km.
        IReadOnlyList<double> breaks = UsStandardAtmosphere1976.Instance.SlopeBreakAltitudesM();
        const double r0 = 6356766.0;
        double[] expected = [-5000, .. new[] { 11000.0, 20000, 32000, 47000, 51000, 71000 }.Select(h => r0 * h / (r0 - h)), 86000];
        Assert.Equal(expected.Length, breaks.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], breaks[i], 1e-6);
        }

        // At each layer base the temperature's slope jumps (by at least 0.5 K/km: −2.8 to −2.0 K/km at 71 km′); midway between two it does not.
        static double Slope(double z) => (UsStandardAtmosphere1976.Instance.At(z + 1).TemperatureK - UsStandardAtmosphere1976.Instance.At(z - 1).TemperatureK) / 2;
        for (int i = 1; i < breaks.Count - 1; i++)
        {
            double jump = Slope(breaks[i] + 10) - Slope(breaks[i] - 10);
            Assert.True(Math.Abs(jump) > 5e-4, $"no slope break at {breaks[i]:F1} m");
            double mid = 0.5 * (breaks[i] + breaks[i + 1]);
            Assert.True(Math.Abs(Slope(mid + 10) - Slope(mid - 10)) < 1e-6, $"a slope break at {mid:F1} m");
        }

        Assert.Empty(((IAtmosphere)NoAtmosphere.Instance).SlopeBreakAltitudesM());
    }

    [Fact]
    public void ADragTableBreaksAtItsNodesAboveMachZero()
    {
        Assert.Equal([0.8, 1.2, 2, 5], MachTable.SlopeBreakMachs());
        Assert.Empty(DragCoefficient.Constant(0.3).SlopeBreakMachs());
    }

    [Fact]
    public void TheValueIsTheDistanceToTheNearerAltitudeBreak()
    {
        var band = new SmoothBandEvent(Env);
        FlightState s = At(30000);
        band.Reset(s, [new GravityForce(Env.Planet), new DragForce(1, DragCoefficient.Constant(0.3))]);
        Assert.True(band.Active);
        IReadOnlyList<double> breaks = UsStandardAtmosphere1976.Instance.SlopeBreakAltitudesM();
        double toUpper = breaks[3] - 30000; // 32.162 km
        Assert.Equal(toUpper, band.Value(s.TimeS, Y(s)), 1e-6);

        // Higher in the same band the value falls; past the upper bound it is negative (the crossing).
        FlightState higher = At(31000);
        Assert.Equal(breaks[3] - 31000, band.Value(higher.TimeS, Y(higher)), 1e-6);
        FlightState above = At(33000);
        Assert.True(band.Value(above.TimeS, Y(above)) < 0);

        // Above 86 km only the lower bound is left.
        FlightState high = At(300000);
        band.Reset(high, [new DragForce(1, DragCoefficient.Constant(0.3))]);
        Assert.Equal(300000 - 86000, band.Value(high.TimeS, Y(high)), 1e-6);
    }

    [Fact]
    public void AMachTableAddsTheMachBoundsOnTheAltitudesScale()
    {
        // At 30 km (speed of sound ~301.7 m/s) and Mach 1.5 the Mach bounds are 1.2 and 2: 0.3 Mach from the lower,
        // 300 m on the altitude's scale (SmoothBandEvent.MachScaleM), nearer than 32.162 km is to 30 km.
        double a = UsStandardAtmosphere1976.Instance.At(30000).SpeedOfSoundMPerS;
        FlightState s = At(30000, 1.5 * a);
        var band = new SmoothBandEvent(Env);
        band.Reset(s, [new DragForce(1, MachTable)]);
        Assert.Equal(0.3 * SmoothBandEvent.MachScaleM, band.Value(s.TimeS, Y(s)), 1e-3);

        FlightState faster = At(30000, 2.1 * a);
        Assert.True(band.Value(faster.TimeS, Y(faster)) < 0, "past Mach 2 the band is left");
    }

    /// <summary>
    /// End to end: a threat's solved flight (the refinement's 1e−12 integrator) crosses the drag table's Mach nodes and the
    /// layer bases on the way up and the layer bases on the way down without the integrator rejecting the steps across
    /// them. Before the kinks ended segments (commit 52ecdcc with the count added) `bulwark fly --missile M --from P --to
    /// LAT,LON` printed 102 rejected of 410 accepted steps, 83 of 431 and 87 of 619 for these three; after, 28 of 364, 405
    /// and 576. Since each phase's automatic first step is tried at Hairer's bound and shrunk by its own error
    /// (DormandPrince54.InitialStep), the flights take 262, 295 and 424 accepted steps and 40, 32 and 32 rejected: the
    /// first steps' search is one to three rejections a phase (sejjil-2: 12 in its five phases), the kinks' still 28 or
    /// fewer. The bound, a tenth of the accepted steps and three for each phase's first step, lies between the two.
    /// </summary>
    [Theory]
    [InlineData("sejjil-2", "tabriz", 41, 25)]
    [InlineData("sejjil-3", "tabriz", 52.5, 13.4)]
    [InlineData("iran-icbm", "semnan", 40, -75)]
    public void AThreatFlightRejectsFewStepsAtTheKinks(string missileId, string from, double lat, double lon)
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        Geodetic launch = catalog.Place(from).Position with { HeightM = 0 };
        TargetingSolution solved = new Targeter(Env).Solve(catalog.Missile(missileId), new TargetingRequest(launch, Geodetic.FromDegrees(lat, lon)));
        Trajectory t = solved.Trajectory;
        int phases = solved.Missile.Plan(Env, launch, solved.Request.LaunchTimeS, solved.AzimuthRad, solved.Controls).Phases.Count;
        Assert.True(t.RejectedSteps <= 0.1 * t.Steps + 3 * phases,
            $"{t.RejectedSteps} rejected of {t.Steps} accepted steps in {phases} phases");
    }

    [Fact]
    public void WithoutAirOrWithoutBreaksNothingIsCrossed()
    {
        var band = new SmoothBandEvent(Env);
        FlightState s = At(30000);
        band.Reset(s, [new GravityForce(Env.Planet)]);
        Assert.False(band.Active);
        Assert.Equal(1, band.Value(s.TimeS, Y(s)));

        var vacuum = new SmoothBandEvent(Env with { Atmosphere = NoAtmosphere.Instance });
        vacuum.Reset(s, [new DragForce(1, DragCoefficient.Constant(0.3))]);
        Assert.False(vacuum.Active);
    }
}
