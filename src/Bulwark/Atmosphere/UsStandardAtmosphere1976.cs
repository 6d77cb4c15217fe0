using static Bulwark.Atmosphere.Ussa1976Constants;

namespace Bulwark.Atmosphere;

/// <summary>
/// U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562 = NASA-TM-X-74335), −5 to 1000 km geometric
/// altitude, SI units.
/// <list type="bullet">
/// <item>Below 86 km: the seven geopotential layers of Part 1, Table 4, in closed form (eqs. (18), (23), (33a/b),
/// (42), (50)). Temperature is the molecular-scale temperature T_M, which is what Table I prints there; the speed of
/// sound is √(γR*T_M/M0).</item>
/// <item>86 to 1000 km: kinetic temperature from eqs. (25)–(31) (isothermal, elliptical, linear, exponential); pressure
/// N·k·T and density Σnᵢmᵢ/N_A from the N2, O, O2, Ar, He, H number densities that the standard obtains by integrating
/// the diffusion equations (see <see cref="NumberDensities"/>). That integration is done once, on a
/// <see cref="TableStepM"/> = 0.25 km grid, and ln P and ln(ρT) are interpolated by cubic Hermite polynomials with
/// exact node derivatives. Largest relative deviation of P or ρ from the direct integration, found by a 12.5 m scan of
/// 86–1000 km: 3.6e−8 (near 110 km, where the temperature ellipse curves hardest; about 2e−10 elsewhere); the tests
/// assert 1e−7. The standard gives no speed of sound above 86 km; here it is √(γR*T/M0) with the kinetic temperature
/// and the sea-level molecular weight M0, i.e. the 86-km formula continued.</item>
/// <item>At 86 km the two definitions meet with the standard's own small mismatch: the temperature steps from T_M =
/// 186.946 K to the kinetic 186.867 K (−4e−4 relative), pressure and density by about 1e−5 relative.</item>
/// <item>Below −5 km (a vehicle under the surface): the −5 km state (Table I starts at −5 km; layer 0 is
/// extrapolated down to it). Above 1000 km (not part of the standard): temperature and speed of sound stay at their
/// 1000 km values, and pressure and density decay exponentially with the local scale heights at 1000 km
/// (about 288 km and 237 km), so both they and their slopes are continuous there.</item>
/// </list>
/// <see cref="At"/> allocates nothing and is O(1); NaN altitude throws <see cref="ArgumentException"/>, every other
/// value (including ±∞) returns a finite state.
/// </summary>
public sealed class UsStandardAtmosphere1976 : IAtmosphere
{
    /// <summary>The shared instance (the class has no state of its own; the 86–1000 km table is built on first use).</summary>
    public static readonly UsStandardAtmosphere1976 Instance = new();

    /// <summary>Lowest altitude with its own state, m; below it the state is held (Table I begins at −5 km).</summary>
    public const double MinimumAltitudeM = -5000.0;

    /// <summary>Geometric altitude where the geopotential layers end and the species region begins, m.</summary>
    public const double UpperRegionBaseM = Z7M;

    /// <summary>Top of the standard, m; above it the state is extrapolated (see the class summary).</summary>
    public const double MaximumAltitudeM = Z12M;

    /// <summary>Grid spacing of the 86–1000 km interpolation table, m.</summary>
    public const double TableStepM = Ussa1976UpperTable.NodeStepM;

    private const double SoundFactor = Gamma * GasConstant / M0;

    /// <summary>−5 km (the state is held below), the bases of layers 1–6 (where the lapse rate changes: 11, 20, 32, 47,
    /// 51 and 71 km′ geopotential, eq. (19) to geometric), and 86 km (the change to the species region).</summary>
    private static readonly double[] SlopeBreaks = BuildSlopeBreaks();

    /// <inheritdoc/>
    /// <remarks>Above 86 km the table's cubic Hermite pieces join with continuous slopes (every 0.25 km), and at 1000 km the
    /// extrapolation continues the slopes, so neither is listed.</remarks>
    public IReadOnlyList<double> SlopeBreakAltitudesM() => SlopeBreaks;

    private static double[] BuildSlopeBreaks()
    {
        ReadOnlySpan<double> bases = LayerBaseGeopotentialM;
        var breaks = new List<double> { MinimumAltitudeM };
        for (int b = 1; b < bases.Length - 1; b++)
        {
            breaks.Add(Ussa1976Lower.GeometricAltitude(bases[b]));
        }

        breaks.Add(UpperRegionBaseM);
        return [.. breaks];
    }

    /// <summary>The air at <paramref name="geometricAltitudeM"/> (m above the sphere of radius r0): table-interpolated above 86 km.</summary>
    /// <exception cref="ArgumentException">The altitude is NaN.</exception>
    public AtmosphereState At(double geometricAltitudeM)
    {
        if (geometricAltitudeM < UpperRegionBaseM)
            return Ussa1976Lower.At(Math.Max(geometricAltitudeM, MinimumAltitudeM));
        if (geometricAltitudeM <= MaximumAltitudeM)
        {
            double t = Ussa1976Upper.KineticTemperature(geometricAltitudeM, out _);
            Ussa1976UpperTable.Shared.Lookup(geometricAltitudeM, t, out double p, out double rho);
            return new AtmosphereState(t, p, rho, Math.Sqrt(SoundFactor * t));
        }
        if (double.IsNaN(geometricAltitudeM)) throw NaNAltitude(geometricAltitudeM);
        var table = Ussa1976UpperTable.Shared;
        return Extrapolate(geometricAltitudeM, table.TopTemperatureK, table.TopPressurePa, table.TopDensityKgPerM3,
            table.TopDLnPressurePerM, table.TopDLnDensityPerM);
    }

    /// <summary>The speed of sound at <paramref name="geometricAltitudeM"/>, the same as <see cref="At"/> gives, from the
    /// temperature alone (no pressure or density: no power or table lookup).</summary>
    /// <exception cref="ArgumentException">The altitude is NaN.</exception>
    public double SpeedOfSoundAt(double geometricAltitudeM)
    {
        if (geometricAltitudeM < UpperRegionBaseM)
            return Ussa1976Lower.SpeedOfSoundAt(Math.Max(geometricAltitudeM, MinimumAltitudeM));
        if (geometricAltitudeM <= MaximumAltitudeM)
            return Math.Sqrt(SoundFactor * Ussa1976Upper.KineticTemperature(geometricAltitudeM, out _));
        if (double.IsNaN(geometricAltitudeM)) throw NaNAltitude(geometricAltitudeM);
        return Math.Sqrt(SoundFactor * Ussa1976UpperTable.Shared.TopTemperatureK);
    }

    /// <summary>
    /// The same as <see cref="At"/> but without the table: above 86 km it integrates the standard's equations from 86 km
    /// up to the altitude (RK4 with 50 m steps: up to ~7·10⁴ derivative evaluations, tens of milliseconds at 1000 km).
    /// For checks, not for flight.
    /// </summary>
    /// <exception cref="ArgumentException">The altitude is NaN.</exception>
    public static AtmosphereState AtDirect(double geometricAltitudeM)
    {
        if (double.IsNaN(geometricAltitudeM)) throw NaNAltitude(geometricAltitudeM);
        if (geometricAltitudeM < UpperRegionBaseM)
            return Ussa1976Lower.At(Math.Max(geometricAltitudeM, MinimumAltitudeM));
        var point = Ussa1976Upper.Direct(geometricAltitudeM);
        if (geometricAltitudeM <= MaximumAltitudeM)
            return new AtmosphereState(point.TemperatureK, point.PressurePa, point.DensityKgPerM3, Math.Sqrt(SoundFactor * point.TemperatureK));
        return Extrapolate(geometricAltitudeM, point.TemperatureK, point.PressurePa, point.DensityKgPerM3,
            point.DLnPressurePerM, point.DLnDensityPerM);
    }

    /// <summary>
    /// Number densities of N2, O, O2, Ar, He and H (1/m³) at 86 km ≤ Z ≤ 1000 km (clamped to that range), by direct
    /// integration of the standard's diffusion equations (Part 1; tabulated in Part 4, Table VIII). Slow, like
    /// <see cref="AtDirect"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The altitude is NaN.</exception>
    public static Ussa1976Composition NumberDensities(double geometricAltitudeM)
    {
        if (double.IsNaN(geometricAltitudeM)) throw NaNAltitude(geometricAltitudeM);
        return Ussa1976Upper.Direct(geometricAltitudeM).Composition;
    }

    /// <summary>Geopotential altitude H = r0·Z/(r0 + Z), m′, of geometric altitude Z in m (eq. (18), r0 = 6 356 766 m).</summary>
    public static double GeopotentialAltitude(double geometricAltitudeM) => Ussa1976Lower.GeopotentialAltitude(geometricAltitudeM);

    /// <summary>Geometric altitude Z = r0·H/(r0 − H), m, of geopotential altitude H in m′ (eq. (19)).</summary>
    public static double GeometricAltitude(double geopotentialAltitudeM) => Ussa1976Lower.GeometricAltitude(geopotentialAltitudeM);

    private static AtmosphereState Extrapolate(double z, double t, double p, double rho, double dLnP, double dLnRho)
    {
        double dz = z - MaximumAltitudeM;
        return new AtmosphereState(t, p * Math.Exp(dLnP * dz), rho * Math.Exp(dLnRho * dz), Math.Sqrt(SoundFactor * t));
    }

    private static ArgumentException NaNAltitude(double z) => new($"The altitude must be a number, not {z}.", "geometricAltitudeM");
}
