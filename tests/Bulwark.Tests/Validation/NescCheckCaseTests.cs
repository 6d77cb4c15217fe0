using Bulwark.Flight.Propagation;
using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Validation;

/// <summary>
/// NASA NESC atmospheric check-cases 1, 4, 5 and 9 (NASA/TM-2015-218675; reference data from the SimuPy toolkit),
/// flown through the flight-file path. At t = 10, 20 and 30 s, altitude, latitude, longitude and the three NED velocity
/// components must fall inside the range spanned by the government simulators, widened by a stated margin.
/// </summary>
public class NescCheckCaseTests
{
    /// <summary>
    /// Margins added on each side of the simulators' band: altitude 0.05 ft, velocity 0.005 ft/s, latitude and longitude
    /// 5e−8° (about 6 mm) — far inside the issue's limits (2 ft, 0.2 ft/s). Bulwark lands at the edge of the band, next to
    /// the simulators that integrate most tightly (measured: within 2.4e−4 ft in altitude, 1.1e−4 ft/s in velocity and
    /// 1.0e−8° in longitude of the nearest simulator at 10, 20 and 30 s; `docs/validation.md`). The margin covers what
    /// the band at one instant need not contain: the rounding of the published columns, the conversion of the published
    /// US customary constants to SI, and our own integration tolerance (relative 1e−10).
    /// </summary>
    private const double AltitudeMarginFt = 0.05;
    private const double VelocityMarginFtS = 0.005;
    private const double AngleMarginDeg = 5e-8;

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "Atmos_01_DroppedSphere", "nesc-01-dropped-sphere.yaml", true },
        { "Atmos_04_DroppedSphereRoundNonRotation", "nesc-04-dropped-sphere-round-nonrotating.yaml", false },
        { "Atmos_05_DroppedSphereRoundRotation", "nesc-05-dropped-sphere-round-rotating.yaml", false },
        { "Atmos_09_EastwardCannonball", "nesc-09-eastward-cannonball.yaml", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [ValidationCase(ValidationArea.IndependentSimulators, "NESC check-cases 1, 4, 5 and 9 inside the government simulators' band",
        Source = "NASA/TM-2015-218675 (NESC atmospheric check-cases; data in tests/Bulwark.Tests/Data/Nesc), at 10, 20 and 30 s",
        Tolerance = "inside the band the simulators span, widened by 0.05 ft in altitude, 0.005 ft/s in velocity, 5e-8° in latitude and longitude",
        Why = "the margin covers the rounding of the published columns and the conversion of US customary constants; the issue allows 2 ft and 0.2 ft/s")]
    public void FlightFileLandsInsideTheSimulatorsBand(string caseName, string flightFile, bool overEllipsoid)
    {
        IReadOnlyList<NescRow> reference = NescReference.Load(caseName);
        FlightFile file = FlightFile.Parse(flightFile, TestData.Read("examples", "flights", flightFile));
        Trajectory trajectory = file.Fly();
        var failures = new List<string>();
        var outside = new Dictionary<string, double> { ["ft"] = 0, ["ft/s"] = 0, ["°"] = 0 };
        foreach (double t in new[] { 10.0, 20.0, 30.0 })
        {
            FlightStateAt(trajectory, t, out var state);
            TrajectoryPoint p = TrajectoryPoint.From(file.Environment, state);
            Check(failures, outside, "ft", reference, t, "altitude_ft", r => r.AltitudeFt, p.Position.HeightM * NescReference.FeetPerMetre, AltitudeMarginFt);
            // sim_02 reports geocentric latitude over the ellipsoid (shared/validation/nesc/README.md): left out of that band.
            Check(failures, outside, "°", reference, t, "latitude_deg", r => r.LatitudeDeg, p.Position.LatitudeDeg, AngleMarginDeg,
                overEllipsoid ? r => r.Simulator != "sim_02" : null);
            Check(failures, outside, "°", reference, t, "longitude_deg", r => r.LongitudeDeg, p.Position.LongitudeDeg, AngleMarginDeg);
            Check(failures, outside, "ft/s", reference, t, "v_north_ft_s", r => r.VNorthFtS, p.VelocityNedMPerS.X * NescReference.FeetPerMetre, VelocityMarginFtS);
            Check(failures, outside, "ft/s", reference, t, "v_east_ft_s", r => r.VEastFtS, p.VelocityNedMPerS.Y * NescReference.FeetPerMetre, VelocityMarginFtS);
            Check(failures, outside, "ft/s", reference, t, "v_down_ft_s", r => r.VDownFtS, p.VelocityNedMPerS.Z * NescReference.FeetPerMetre, VelocityMarginFtS);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        ValidationLog.Measured(FormattableString.Invariant(
            $"case {caseName[6..8]}: largest distance outside the band {outside["ft"]:0.0e0} ft, {outside["ft/s"]:0.0e0} ft/s, {outside["°"]:0.0e0}°"));
    }

    private static void FlightStateAt(Trajectory trajectory, double t, out Bulwark.Flight.FlightState state)
    {
        state = trajectory.Samples.Single(s => Math.Abs(s.TimeS - t) < 1e-9);
    }

    private static void Check(List<string> failures, Dictionary<string, double> outside, string unit, IReadOnlyList<NescRow> reference, double t, string name, Func<NescRow, double> quantity,
        double ours, double margin, Func<NescRow, bool>? include = null)
    {
        var (min, max, count) = NescReference.Band(reference, t, quantity, include);
        Assert.True(count >= 3, $"{name} at {t} s: only {count} simulators");
        outside[unit] = Math.Max(outside[unit], Math.Max(0, Math.Max(min - ours, ours - max)));
        if (ours < min - margin || ours > max + margin)
        {
            failures.Add(FormattableString.Invariant($"{name} at {t} s: {ours:G10} outside [{min:G10}, {max:G10}] ± {margin}"));
        }
    }
}
