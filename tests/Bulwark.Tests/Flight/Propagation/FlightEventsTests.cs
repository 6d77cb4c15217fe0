using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Propagation;

public class FlightEventsTests
{
    private static readonly FlightEnvironment Wgs84 = FlightEnvironment.Default;
    private static readonly FlightEnvironment Sphere = new(Planet.Sphere(Planet.NescSphereRadiusM, rotationRateRadPerS: 7.292115e-5), NoAtmosphere.Instance);

    private static double[] Y(FlightState s)
    {
        var y = new double[FlightState.Dimension];
        s.CopyTo(y);
        return y;
    }

    /// <summary>
    /// States all over the globe, from 20 km under the ellipsoid to 3,000 km over it, moving up to 7 km/s in any direction
    /// (a third of them within 50 m of 0 or 100 km and within 1 m/s of level flight, where the bounds must say "not sure").
    /// </summary>
    private static IEnumerable<(double T, FlightState State, double HeightM, double VerticalMPerS)> States(FlightEnvironment env, int count)
    {
        var random = new Random(20261207);
        for (int i = 0; i < count; i++)
        {
            bool edge = i % 3 == 0;
            double height = edge ? (i % 2 == 0 ? 0 : 100_000) + (random.NextDouble() - 0.5) * 100 : -20_000 + random.NextDouble() * 3_020_000;
            double down = edge ? (random.NextDouble() - 0.5) * 2 : (random.NextDouble() - 0.5) * 14_000;
            var velocity = new Vec3((random.NextDouble() - 0.5) * 14_000, (random.NextDouble() - 0.5) * 14_000, down);
            double t = random.NextDouble() * 3000;
            var position = Geodetic.FromDegrees(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180, height);
            yield return (t, env.StateAt(t, position, velocity, 1000), height, -down);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheCertainSignsNeverContradictTheValuesAndAreSureFarFromTheCrossings(bool wgs84)
    {
        FlightEnvironment env = wgs84 ? Wgs84 : Sphere;
        var ground = new AltitudeCrossingEvent(env, 0, CrossingDirection.Decreasing);
        var floor = new AltitudeCrossingEvent(env, 100_000, CrossingDirection.Decreasing);
        var apogee = new ApogeeEvent(env);
        int checkedStates = 0;
        foreach (var (t, state, height, vertical) in States(env, 20_000))
        {
            double[] y = Y(state);
            foreach (IEventFunction ev in new IEventFunction[] { ground, floor, apogee })
            {
                int sign = ev.CertainSign(t, y);
                double value = ev.Value(t, y);
                Assert.True(sign == 0 || sign == Math.Sign(value), $"{ev.GetType().Name}: certain sign {sign}, value {value:R} at height {height:F1} m");
            }

            // Sure wherever the bounds' slack (the ellipsoid's 21 km between its axes; a flight-path angle of e′²/2·(h + 22 km)/a,
            // at most 1.7e−3 at 3,000 km) is exceeded.
            double speed = env.EcefVelocity(state).Norm;
            if (Math.Abs(height) > 25_000)
            {
                Assert.NotEqual(0, ground.CertainSign(t, y));
            }

            if (Math.Abs(vertical) > 0.004 * speed)
            {
                Assert.NotEqual(0, apogee.CertainSign(t, y));
            }

            checkedStates++;
        }

        Assert.Equal(20_000, checkedStates);
    }

    /// <summary>
    /// The apogee's bound (the normal of the similar ellipsoid through the point, ApogeeEvent.CertainSign) where it is
    /// tight: states at every height from 20 km under the ellipsoid to 3,000 km over it, flying within a few tenths of a
    /// milliradian of level (a few times the angle between that normal and the true one), on both sides of it.
    /// </summary>
    [Fact]
    public void TheApogeeBoundNeverContradictsTheValueCloseToLevelFlightAndIsSureJustOutsideItsAngle()
    {
        FlightEnvironment env = Wgs84;
        var apogee = new ApogeeEvent(env);
        double a = Ellipsoid.Wgs84.EquatorialRadiusM, e2 = Ellipsoid.Wgs84.EccentricitySquared, k = e2 / (2 * (1 - e2));
        var random = new Random(20261208);
        int sure = 0, unsure = 0;
        for (int i = 0; i < 50_000; i++)
        {
            double height = -20_000 + random.NextDouble() * 3_020_000;
            double azimuth = random.NextDouble() * 2 * Math.PI, horizontal = 100 + random.NextDouble() * 7_000;
            double angle = k * (Math.Abs(height) + 22_000) / a; // the angle between the two normals is at most about this
            double down = (random.NextDouble() - 0.5) * 2 * 4 * angle * horizontal;
            var velocity = new Vec3(horizontal * Math.Cos(azimuth), horizontal * Math.Sin(azimuth), down);
            double t = random.NextDouble() * 3000;
            var position = Geodetic.FromDegrees(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180, height);
            FlightState state = env.StateAt(t, position, velocity, 1000);
            double[] y = Y(state);
            int sign = apogee.CertainSign(t, y);
            double value = apogee.Value(t, y);
            Assert.Equal(UpwardSpeed(env, t, y), value, 1e-9 * horizontal); // the trigonometry-free value is the ENU one, to rounding (parts in 1e15; a wrong normal would be off by 1e−5 or more)
            Assert.True(sign == 0 || sign == Math.Sign(value), $"certain sign {sign}, value {value:R} at height {height:F1} m, down {down:R} m/s");
            double speed = env.EcefVelocity(state).Norm;
            if (Math.Abs(down) > 2.1 * angle * speed)
            {
                Assert.NotEqual(0, sign);
            }

            if (sign == 0)
            {
                unsure++;
            }
            else
            {
                sure++;
            }
        }

        // Both sides of the bound are exercised: many states it cannot tell, many it can.
        Assert.True(sure > 5_000 && unsure > 5_000, $"{sure} sure, {unsure} not sure");
    }

    /// <summary>dh/dt the long way: the ECEF state, its geodetic latitude and longitude, the local ENU frame's up component.</summary>
    private static double UpwardSpeed(FlightEnvironment env, double t, double[] y)
    {
        FlightState state = FlightState.From(t, y);
        Geodetic g = env.Planet.Shape.ToGeodetic(env.EcefPosition(state));
        return LocalFrame.EcefToEnu(env.EcefVelocity(state), g.LatitudeRad, g.LongitudeRad).Z;
    }

    [Fact]
    public void EventsCheckedByTheirCertainSignsGiveTheSameFlightToTheBitWithFewerValues()
    {
        // A re-entry vehicle from 300 km climbing at 2 km/s and moving 5 km/s east, with drag (the band event active), to
        // its apogee and then to the ground: once with the events as they are, once with their certain signs hidden.
        FlightEnvironment env = Wgs84;
        FlightState start = env.StateAt(0, Geodetic.FromDegrees(40, 30, 300_000), new Vec3(0, 5000, -2000), 1000);
        IForce[] forces = [new GravityForce(env.Planet), new DragForce(1, DragCoefficient.Constant(0.125))];
        var (withSigns, valuesWith) = Fly(env, start, forces, hide: false);
        var (withoutSigns, valuesWithout) = Fly(env, start, forces, hide: true);

        Assert.Equal(withoutSigns.Count, withSigns.Count);
        for (int i = 0; i < withSigns.Count; i++)
        {
            Assert.Equal(withoutSigns[i].Result, withSigns[i].Result);
            Assert.Equal(withoutSigns[i].State, withSigns[i].State);    // double[] compared element by element, exactly
        }

        Assert.Equal(2, withSigns.Count);                                // band crossings aside: the apogee, then the ground
        Assert.True(valuesWith < valuesWithout / 2, $"{valuesWith} values with the certain signs, {valuesWithout} without");
    }

    /// <summary>Flies segment by segment to the ground (apogee first), as the propagator does; every segment's result and end state.</summary>
    private static (List<(SegmentResult Result, double[] State)> Segments, int Values) Fly(FlightEnvironment env, FlightState start, IForce[] forces, bool hide)
    {
        var heights = new HeightProbe(env);
        var band = new SmoothBandEvent(env, heights);
        var ground = new Counting(new AltitudeCrossingEvent(env, 0, CrossingDirection.Decreasing, heights), hide);
        var apogee = new Counting(new ApogeeEvent(env), hide);
        var integrator = new DormandPrince54(FlightState.Dimension, PropagationOptions.DefaultIntegrator);
        var dynamics = new EquationsOfMotion(env, forces);
        var segments = new List<(SegmentResult, double[])>();
        FlightState state = start;
        bool apogeeFound = false;
        double firstStep = 0;
        while (segments.Count < 50)
        {
            band.Reset(state, forces);
            IEventFunction[] events = apogeeFound ? [ground, band] : [ground, band, apogee];
            double[] yEnd = new double[FlightState.Dimension];
            SegmentResult result = integrator.Integrate(dynamics, state.TimeS, Y(state), state.TimeS + 5000, yEnd, events, null, firstStep);
            state = FlightState.From(result.EndTimeS, yEnd);
            if (result.EventIndex == 1)
            {
                firstStep = result.LastStepS;
                continue;
            }

            segments.Add((result, yEnd));
            if (result.EventIndex != 2)
            {
                break;
            }

            apogeeFound = true;
        }

        return (segments, ground.Values + apogee.Values);
    }

    /// <summary>Counts the values asked of an event; with <c>hide</c>, it knows no certain sign.</summary>
    private sealed class Counting(IEventFunction inner, bool hide) : IEventFunction
    {
        public int Values { get; private set; }

        public CrossingDirection Direction => inner.Direction;

        public double Value(double t, ReadOnlySpan<double> y)
        {
            Values++;
            return inner.Value(t, y);
        }

        public int CertainSign(double t, ReadOnlySpan<double> y) => hide ? 0 : inner.CertainSign(t, y);
    }
}
