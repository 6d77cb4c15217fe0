using static Bulwark.Atmosphere.Ussa1976Constants;

namespace Bulwark.Atmosphere;

/// <summary>
/// The 1976 standard below 86 km: seven geopotential layers with linear molecular-scale temperature (Part 1, Table 4),
/// in closed form — eq. (18) for the geopotential altitude, (23) for T_M, (33a)/(33b) for pressure, (42) for density
/// and (50) for the speed of sound. The layer-base pressures are chained from P0 once, so every boundary is continuous.
/// </summary>
internal static class Ussa1976Lower
{
    private const int LayerCount = 7;

    /// <summary>g0′·M0/R*, K/m′ (the hydrostatic constant of eqs. (33a)/(33b)).</summary>
    private const double HydrostaticConstant = G0 * M0 / GasConstant;

    /// <summary>M0/R*, kg·K/J, for ρ = P·M0/(R*·T_M), eq. (42).</summary>
    private const double DensityFactor = M0 / GasConstant;

    /// <summary>γ·R*/M0, J/(kg·K), for c = √(γ R* T_M / M0), eq. (50).</summary>
    private const double SoundFactor = Gamma * GasConstant / M0;

    private static readonly double[] BaseH = LayerBaseGeopotentialM[..LayerCount].ToArray();
    private static readonly double[] Lapse = LayerLapseRateKPerM.ToArray();
    private static readonly double[] BaseT = new double[LayerCount];
    private static readonly double[] BaseP = new double[LayerCount];
    private static readonly double[] Exponent = new double[LayerCount]; // g0′M0/(R* L) for L ≠ 0
    private static readonly double[] IsothermalRate = new double[LayerCount]; // g0′M0/(R* T_b) for L = 0

    static Ussa1976Lower()
    {
        double t = T0, p = P0;
        for (int b = 0; b < LayerCount; b++)
        {
            BaseT[b] = t;
            BaseP[b] = p;
            double l = Lapse[b];
            Exponent[b] = l != 0 ? HydrostaticConstant / l : 0;
            IsothermalRate[b] = HydrostaticConstant / t;
            double hTop = LayerBaseGeopotentialM[b + 1], dh = hTop - BaseH[b];
            double tTop = t + l * dh;
            p = l != 0 ? p * Math.Pow(t / tTop, Exponent[b]) : p * Math.Exp(-IsothermalRate[b] * dh);
            t = tTop;
        }
    }

    /// <summary>Geopotential altitude H = r0·Z/(r0 + Z), m′ (eq. (18)), for geometric altitude Z in m.</summary>
    public static double GeopotentialAltitude(double geometricAltitudeM) => EarthRadiusM * geometricAltitudeM / (EarthRadiusM + geometricAltitudeM);

    /// <summary>Geometric altitude Z = r0·H/(r0 − H), m (eq. (19)), for geopotential altitude H in m′.</summary>
    public static double GeometricAltitude(double geopotentialAltitudeM) => EarthRadiusM * geopotentialAltitudeM / (EarthRadiusM - geopotentialAltitudeM);

    /// <summary>
    /// The state at geometric altitude Z (m) for −5 km ≤ Z &lt; 86 km (callers clamp). The temperature returned is the
    /// molecular-scale temperature T_M, which is what Table I prints below 86 km (the 80–86 km M/M0 correction is not
    /// applied, as in the printed tables).
    /// </summary>
    public static AtmosphereState At(double geometricAltitudeM)
    {
        double tm = MolecularTemperature(geometricAltitudeM, out int b, out double dh);
        // (T_b/T_M)^e as exp(e·ln(T_b/T_M)): one logarithm and one exponential, about half the cost of the C library's
        // pow (the one libm call every evaluation below 86 km made: 3.6% of a cold comparison's CPU), within about 1e−15
        // of it (|e·ln(T_b/T_M)| < 3 over the layers).
        double p = Lapse[b] != 0 ? BaseP[b] * Math.Exp(Exponent[b] * Math.Log(BaseT[b] / tm)) : BaseP[b] * Math.Exp(-IsothermalRate[b] * dh);
        return new AtmosphereState(tm, p, p * DensityFactor / tm, Math.Sqrt(SoundFactor * tm));
    }

    /// <summary>The speed of sound at geometric altitude Z (m), the same as <see cref="At"/> gives, without the pressure (a power).</summary>
    public static double SpeedOfSoundAt(double geometricAltitudeM) => Math.Sqrt(SoundFactor * MolecularTemperature(geometricAltitudeM, out _, out _));

    /// <summary>
    /// The layer of geopotential altitude H: the highest whose base is at or below H (0 below the first base; NaN falls in
    /// the top layer), by comparisons against the bases rather than a walk down the seven of them from the top (every
    /// evaluation below 86 km asks, and most are in the lowest layers).
    /// </summary>
    internal static int Layer(double h)
    {
        ReadOnlySpan<double> bases = LayerBaseGeopotentialM;
        return h < bases[3]
            ? (h < bases[1] ? 0 : h < bases[2] ? 1 : 2)
            : (h < bases[4] ? 3 : h < bases[5] ? 4 : h < bases[6] ? 5 : 6);
    }

    /// <summary>T_M at geometric altitude Z (m), with its layer and the geopotential height above the layer's base.</summary>
    private static double MolecularTemperature(double geometricAltitudeM, out int layer, out double aboveBaseM)
    {
        double h = GeopotentialAltitude(geometricAltitudeM);
        int b = Layer(h);
        double dh = h - BaseH[b];
        double l = Lapse[b];
        (layer, aboveBaseM) = (b, dh);
        return l != 0 ? BaseT[b] + l * dh : BaseT[b];
    }
}
