using static Bulwark.Atmosphere.Ussa1976Constants;

namespace Bulwark.Atmosphere;

/// <summary>
/// Pressure and density of the 1976 standard from 86 to 1000 km, tabulated once from the direct integration
/// (<see cref="Ussa1976Upper"/>) on a uniform grid and interpolated by cubic Hermite polynomials in ln P and ln(ρT)
/// with their exact derivatives at the nodes. ln(ρT), not ln ρ: the factor T7/T that every number density carries
/// has large higher derivatives near the top of the 91–110 km ellipse, and it cancels in ρT; ρ is then divided by the
/// closed-form kinetic temperature. Each interval keeps its own end values, taken from
/// inside the interval, so the two places where the standard's profile is not smooth — the kink at 100 km (M0 → M(N2)
/// in the N2 equation) and the step at 150 km where atomic hydrogen begins — are reproduced exactly at the nodes
/// there. Lookup is O(1) and allocation-free. Kinetic temperature is not tabulated: it is the closed form.
/// </summary>
internal sealed class Ussa1976UpperTable
{
    /// <summary>Grid spacing, m. It divides every segment of the standard (91, 95, 97, 100, 110, 115, 120, 150, 500 km).</summary>
    public const double NodeStepM = 250.0;

    /// <summary>RK4 steps per grid interval when building the table (so 50 m steps, as <see cref="Ussa1976Upper.IntegrationStepM"/>).</summary>
    private const int Substeps = 5;

    private const double InverseStep = 1.0 / NodeStepM;
    private const int Stride = 8; // ln P cubic (4), ln(ρT) cubic (4)

    private readonly double[] _coefficients;
    private readonly int _intervals;

    /// <summary>The table built once for the process.</summary>
    public static readonly Ussa1976UpperTable Shared = new();

    private Ussa1976UpperTable()
    {
        _intervals = (int)Math.Round((Z12M - Z7M) / NodeStepM);
        _coefficients = new double[_intervals * Stride];
        Ussa1976Upper.Point top = default;
        Ussa1976Upper.SweepIntervals(NodeStepM, Substeps, (k, a, b) =>
        {
            Span<double> c = _coefficients.AsSpan(k * Stride, Stride);
            Hermite(Math.Log(a.PressurePa), a.DLnPressurePerM, Math.Log(b.PressurePa), b.DLnPressurePerM, c[..4]);
            Hermite(Math.Log(a.DensityKgPerM3 * a.TemperatureK), a.DLnDensityPerM + a.DLnTemperaturePerM,
                Math.Log(b.DensityKgPerM3 * b.TemperatureK), b.DLnDensityPerM + b.DLnTemperaturePerM, c[4..]);
            top = b;
        });
        TopTemperatureK = top.TemperatureK;
        TopPressurePa = top.PressurePa;
        TopDensityKgPerM3 = top.DensityKgPerM3;
        TopDLnPressurePerM = top.DLnPressurePerM;
        TopDLnDensityPerM = top.DLnDensityPerM;
    }

    /// <summary>Kinetic temperature at 1000 km, K.</summary>
    public double TopTemperatureK { get; }

    /// <summary>Pressure at 1000 km, Pa.</summary>
    public double TopPressurePa { get; }

    /// <summary>Density at 1000 km, kg/m³.</summary>
    public double TopDensityKgPerM3 { get; }

    /// <summary>d(ln P)/dZ at 1000 km (from below), 1/m.</summary>
    public double TopDLnPressurePerM { get; }

    /// <summary>d(ln ρ)/dZ at 1000 km (from below), 1/m.</summary>
    public double TopDLnDensityPerM { get; }

    /// <summary>
    /// Interpolated pressure (Pa) and density (kg/m³) at 86 km ≤ Z ≤ 1000 km (not checked: the caller clamps), given the
    /// kinetic temperature there (K, from <see cref="Ussa1976Upper.KineticTemperature"/>).
    /// </summary>
    public void Lookup(double geometricAltitudeM, double temperatureK, out double pressurePa, out double densityKgPerM3)
    {
        double s = (geometricAltitudeM - Z7M) * InverseStep;
        int i = (int)s;
        if (i >= _intervals) i = _intervals - 1;
        else if (i < 0) i = 0;
        double t = s - i;
        ReadOnlySpan<double> c = _coefficients.AsSpan(i * Stride, Stride);
        pressurePa = Math.Exp(c[0] + t * (c[1] + t * (c[2] + t * c[3])));
        densityKgPerM3 = Math.Exp(c[4] + t * (c[5] + t * (c[6] + t * c[7]))) / temperatureK;
    }

    /// <summary>Power-basis coefficients in t = (Z − Z_k)/h of the cubic with values p0, p1 and slopes m0, m1 (per m).</summary>
    private static void Hermite(double p0, double m0, double p1, double m1, Span<double> c)
    {
        double d0 = m0 * NodeStepM, d1 = m1 * NodeStepM;
        c[0] = p0;
        c[1] = d0;
        c[2] = 3 * (p1 - p0) - 2 * d0 - d1;
        c[3] = 2 * (p0 - p1) + d0 + d1;
    }
}
