using static Bulwark.Atmosphere.Ussa1976Constants;

namespace Bulwark.Atmosphere;

/// <summary>
/// The 1976 standard from 86 to 1000 km, computed directly: the kinetic temperature of eqs. (25)–(31), and the number
/// densities of N2, O, O2, Ar and He obtained by integrating the diffusion equations upward from their 86-km values
/// (Part 1, Table 9), with molecular and eddy diffusion, thermal diffusion and the vertical-transport terms of Table 7
/// for O, O2, Ar and He below 150 km (including the second, 86–97 km term for O); atomic hydrogen from 150 km with its
/// constant upward flux φ up to 500 km and diffusive equilibrium above. Pressure is N·k·T and density Σ nᵢMᵢ/N_A.
/// </summary>
/// <remarks>
/// The equations (Part 1): for species i,
/// nᵢ(Z) = nᵢ,7·(T7/T)·exp(−∫ (fᵢ + vᵢ/(Dᵢ+K)) dZ), with
/// fᵢ = g/(R*T) · D/(D+K) · (Mᵢ + M·K/D + αᵢR*(dT/dZ)/g) below 115 km (K = 0 above, leaving g/(R*T)·(Mᵢ + αᵢR*(dT/dZ)/g)),
/// D = aᵢ/n_bg·(T/273.15)^bᵢ, the background n_bg being N2 for O and O2, N2+O+O2 for Ar and He, all five for H;
/// M = M0 below 100 km and the background's mean molecular weight above; for N2 itself f = M·g/(R*T) with M = M0 below
/// 100 km and M(N2) above. Transport: vᵢ/(Dᵢ+K) = Q(Z−U)²exp(−W(Z−U)³) [+ q(u−Z)²exp(−w(u−Z)³) for O below 97 km].
/// Hydrogen, 150–500 km: n_H = [n_H,11 + ∫_Z^500 φ/D·(T′/T11)^(1+α)·e^τ(Z′) dZ′]·(T11/T)^(1+α)·e^(−τ(Z)),
/// τ(Z) = ∫_500^Z M_H·g/(R*T) dZ; above 500 km the flux integral is dropped (diffusive equilibrium).
/// The integration is classical Runge–Kutta 4 on ln nᵢ with steps of at most <see cref="IntegrationStepM"/>,
/// restarted at every altitude where the standard's definitions change (91, 95, 97, 100, 110, 115, 120, 150, 500 km).
/// Cost: about 73 000 derivative evaluations from 86 km to 1000 km, so this is for building tables and for checks.
/// </remarks>
internal static class Ussa1976Upper
{
    /// <summary>Largest Runge–Kutta step, m. Halving it changes P and ρ by ~1e−11 relative (the tests assert &lt; 1e−9).</summary>
    public const double IntegrationStepM = 50.0;

    // ---- Part 1, Table 6: molecular-diffusion coefficients a (1/(m·s)), exponents b, thermal-diffusion α ------------
    private const double AO = 6.986e20, AO2 = 4.863e20, AAr = 4.487e20, AHe = 1.700e21, AH = 3.305e21;
    private const double BO = 0.750, BO2 = 0.750, BAr = 0.870, BHe = 0.691, BH = 0.500;
    private const double AlphaHe = -0.40, AlphaH = -0.25;

    // ---- Part 1, Table 7: vertical-transport constants, converted from km to m (Q, q, W, w in 1/m³; U, u in m) --------
    private const double QO = -5.809644e-13, UO = 56903.11, WO = 2.706240e-14;
    private const double QO2 = 1.366212e-13, UO2 = 86000.0, WO2 = 8.333333e-14;
    private const double QAr = 9.434079e-14, UAr = 86000.0, WAr = 8.333333e-14;
    private const double QHe = -2.457369e-13, UHe = 86000.0, WHe = 6.666667e-13;
    private const double QSmallO = -3.416248e-12, USmallO = 97000.0, WSmallO = 5.008765e-13;

    // Integrated state: ln n for N2, O, O2, Ar, He; τ′ = ∫_150km^Z M_H g/(R*T) dZ; J = ∫_150km^Z φ/D_H (T/T11)^(1+α) e^τ′ dZ.
    private const int StateSize = 7;
    private const int ITau = 5, IFlux = 6;

    private enum TemperatureForm { Isothermal, Elliptical, Linear, Exponential }

    private enum EddyForm { Constant, Decaying, None }

    private enum HydrogenForm { Absent, Flux, Diffusive }

    /// <summary>One altitude band over which the standard's formulas do not change form.</summary>
    private readonly record struct Segment(
        double BottomM, double TopM, TemperatureForm Temperature, EddyForm Eddy, bool OxygenSecondTerm,
        bool MixedMolecularWeight, bool Transport, HydrogenForm Hydrogen);

    private static readonly Segment[] Segments =
    [
        new(86000, 91000, TemperatureForm.Isothermal, EddyForm.Constant, true, true, true, HydrogenForm.Absent),
        new(91000, 95000, TemperatureForm.Elliptical, EddyForm.Constant, true, true, true, HydrogenForm.Absent),
        new(95000, 97000, TemperatureForm.Elliptical, EddyForm.Decaying, true, true, true, HydrogenForm.Absent),
        new(97000, 100000, TemperatureForm.Elliptical, EddyForm.Decaying, false, true, true, HydrogenForm.Absent),
        new(100000, 110000, TemperatureForm.Elliptical, EddyForm.Decaying, false, false, true, HydrogenForm.Absent),
        new(110000, 115000, TemperatureForm.Linear, EddyForm.Decaying, false, false, true, HydrogenForm.Absent),
        new(115000, 120000, TemperatureForm.Linear, EddyForm.None, false, false, true, HydrogenForm.Absent),
        new(120000, 150000, TemperatureForm.Exponential, EddyForm.None, false, false, true, HydrogenForm.Absent),
        new(150000, 500000, TemperatureForm.Exponential, EddyForm.None, false, false, false, HydrogenForm.Flux),
        new(500000, 1000000, TemperatureForm.Exponential, EddyForm.None, false, false, false, HydrogenForm.Diffusive),
    ];

    /// <summary>
    /// n_H,11·e^τ′(500) + J(500): with it, n_H(Z) = (C − J(Z))·(T11/T)^(1+α)·e^(−τ′(Z)) for Z ≥ 150 km, J frozen above
    /// 500 km. It needs the heavy species from 150 to 500 km, so it is computed once, by the same integration.
    /// </summary>
    private static readonly double HydrogenConstant = ComputeHydrogenConstant();

    /// <summary>The state of the upper atmosphere at one altitude, with the log-derivatives a cubic Hermite table needs.</summary>
    /// <param name="TemperatureK">kinetic temperature, K</param>
    /// <param name="Composition">species number densities, 1/m³</param>
    /// <param name="PressurePa">pressure N·k·T, Pa</param>
    /// <param name="DensityKgPerM3">mass density, kg/m³</param>
    /// <param name="DLnPressurePerM">d(ln P)/dZ, 1/m</param>
    /// <param name="DLnDensityPerM">d(ln ρ)/dZ, 1/m</param>
    /// <param name="DLnTemperaturePerM">d(ln T)/dZ, 1/m</param>
    internal readonly record struct Point(
        double TemperatureK, Ussa1976Composition Composition, double PressurePa, double DensityKgPerM3,
        double DLnPressurePerM, double DLnDensityPerM, double DLnTemperaturePerM);

    /// <summary>Kinetic temperature T (K) and dT/dZ (K/m) at geometric altitude Z (m), 86 km ≤ Z; eqs. (25)–(31).</summary>
    public static double KineticTemperature(double geometricAltitudeM, out double dTdZ)
    {
        TemperatureForm form = geometricAltitudeM < Z8M ? TemperatureForm.Isothermal
            : geometricAltitudeM < Z9M ? TemperatureForm.Elliptical
            : geometricAltitudeM < Z10M ? TemperatureForm.Linear
            : TemperatureForm.Exponential;
        return Temperature(geometricAltitudeM, form, out dTdZ);
    }

    /// <summary>The full state at Z (m), 86 km ≤ Z ≤ 1000 km (clamped), by integrating from 86 km. Slow: see the class remarks.</summary>
    public static Point Direct(double geometricAltitudeM)
    {
        Span<Point> result = stackalloc Point[1];
        Direct([geometricAltitudeM], result);
        return result[0];
    }

    /// <summary>
    /// The full state at each of <paramref name="ascendingAltitudesM"/> (m, non-decreasing, clamped to 86–1000 km), by one
    /// integration sweep from 86 km that stops at each altitude in turn: the cost of a single <see cref="Direct(double)"/>
    /// at the highest altitude, plus one evaluation per altitude. At a segment boundary the segment above is used (so
    /// atomic hydrogen is present at exactly 150 km, as Table VIII prints it). <paramref name="maxStepM"/> is the largest
    /// Runge–Kutta step, m (the hydrogen constant is always from <see cref="IntegrationStepM"/>).
    /// </summary>
    public static void Direct(ReadOnlySpan<double> ascendingAltitudesM, Span<Point> results, double maxStepM = IntegrationStepM)
    {
        if (results.Length < ascendingAltitudesM.Length) throw new ArgumentException("results is shorter than the altitudes", nameof(results));
        Span<double> y = stackalloc double[StateSize];
        InitialState(y);
        int next = 0;
        double previous = double.NegativeInfinity;
        for (int s = 0; s < Segments.Length && next < ascendingAltitudesM.Length; s++)
        {
            ref readonly Segment seg = ref Segments[s];
            bool last = s == Segments.Length - 1;
            double at = seg.BottomM;
            while (next < ascendingAltitudesM.Length)
            {
                double requested = ascendingAltitudesM[next];
                if (!(requested >= previous)) throw new ArgumentException("altitudes must be ascending and not NaN", nameof(ascendingAltitudesM));
                previous = requested;
                double z = Math.Clamp(requested, Z7M, Z12M);
                if (z >= seg.TopM && !last) break;
                Integrate(seg, at, z, y, maxStepM);
                at = z;
                results[next++] = Evaluate(z, seg, y);
            }
            Integrate(seg, at, seg.TopM, y, maxStepM);
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for each interval [Z_k, Z_k+1] of a grid of spacing <paramref name="nodeStepM"/> from
    /// 86 to 1000 km (which must divide every segment), with the state at both ends evaluated from inside the interval
    /// (one-sided at the 100 and 150 km discontinuities). One integration sweep, <paramref name="substeps"/> RK4 steps per
    /// interval.
    /// </summary>
    public static void SweepIntervals(double nodeStepM, int substeps, Action<int, Point, Point> visit)
    {
        Span<double> y = stackalloc double[StateSize];
        InitialState(y);
        int k = 0;
        foreach (Segment seg in Segments)
        {
            double count = (seg.TopM - seg.BottomM) / nodeStepM;
            int n = (int)Math.Round(count);
            if (Math.Abs(count - n) > 1e-9) throw new ArgumentException("the node step must divide every segment", nameof(nodeStepM));
            for (int j = 0; j < n; j++, k++)
            {
                double za = seg.BottomM + j * nodeStepM, zb = j == n - 1 ? seg.TopM : seg.BottomM + (j + 1) * nodeStepM;
                Point left = Evaluate(za, seg, y);
                Integrate(seg, za, zb, y, (zb - za) / substeps * (1 + 1e-12));
                visit(k, left, Evaluate(zb, seg, y));
            }
        }
    }

    private static void InitialState(Span<double> y)
    {
        y[0] = Math.Log(N2At86KmPerM3);
        y[1] = Math.Log(OAt86KmPerM3);
        y[2] = Math.Log(O2At86KmPerM3);
        y[3] = Math.Log(ArAt86KmPerM3);
        y[4] = Math.Log(HeAt86KmPerM3);
        y[ITau] = 0;
        y[IFlux] = 0;
    }

    private static double ComputeHydrogenConstant()
    {
        Span<double> y = stackalloc double[StateSize];
        InitialState(y);
        foreach (Segment seg in Segments)
        {
            if (seg.BottomM >= Z11M) break;
            Integrate(seg, seg.BottomM, seg.TopM, y, IntegrationStepM);
        }
        return HAt500KmPerM3 * Math.Exp(y[ITau]) + y[IFlux];
    }

    /// <summary>Classical RK4 from za to zb in equal steps of at most maxStep, all inside one segment.</summary>
    private static void Integrate(in Segment seg, double za, double zb, Span<double> y, double maxStep)
    {
        if (zb <= za) return;
        int n = (int)Math.Ceiling((zb - za) / maxStep);
        double h = (zb - za) / n;
        Span<double> k1 = stackalloc double[StateSize], k2 = stackalloc double[StateSize];
        Span<double> k3 = stackalloc double[StateSize], k4 = stackalloc double[StateSize];
        Span<double> tmp = stackalloc double[StateSize];
        for (int i = 0; i < n; i++)
        {
            double z = za + i * h;
            Derivatives(z, seg, y, k1);
            for (int c = 0; c < StateSize; c++) tmp[c] = y[c] + 0.5 * h * k1[c];
            Derivatives(z + 0.5 * h, seg, tmp, k2);
            for (int c = 0; c < StateSize; c++) tmp[c] = y[c] + 0.5 * h * k2[c];
            Derivatives(z + 0.5 * h, seg, tmp, k3);
            for (int c = 0; c < StateSize; c++) tmp[c] = y[c] + h * k3[c];
            Derivatives(i == n - 1 ? zb : z + h, seg, tmp, k4);
            for (int c = 0; c < StateSize; c++) y[c] += h / 6.0 * (k1[c] + 2 * k2[c] + 2 * k3[c] + k4[c]);
        }
    }

    private static double Gravity(double z)
    {
        double r = EarthRadiusM / (EarthRadiusM + z);
        return G0 * r * r;
    }

    private static double Temperature(double z, TemperatureForm form, out double dTdZ)
    {
        switch (form)
        {
            case TemperatureForm.Isothermal: // eq. (25)
                dTdZ = 0;
                return T7;
            case TemperatureForm.Elliptical: // eqs. (27), (28)
            {
                double x = (z - Z8M) / EllipseSemiAxisM;
                double root = Math.Sqrt(Math.Max(1 - x * x, 0));
                dTdZ = -EllipseA / EllipseSemiAxisM * x / root;
                return EllipseTc + EllipseA * root;
            }
            case TemperatureForm.Linear: // eqs. (29), (30)
                dTdZ = LK9KPerM;
                return T9 + LK9KPerM * (z - Z9M);
            default: // eqs. (31), (32)
            {
                double ratio = (EarthRadiusM + Z10M) / (EarthRadiusM + z);
                double decay = (TInfinity - T10) * Math.Exp(-LambdaPerM * (z - Z10M) * ratio);
                dTdZ = LambdaPerM * ratio * ratio * decay;
                return TInfinity - decay;
            }
        }
    }

    /// <summary>Eddy-diffusion coefficient K, m²/s: K7 to 95 km, eq. (7b) to 115 km, zero above.</summary>
    private static double Eddy(double z, EddyForm form)
    {
        if (form == EddyForm.Constant) return EddyK7M2PerS;
        if (form == EddyForm.None) return 0;
        double x = (z - 95000.0) * (z - 95000.0), d = 4.0e8 - x; // (Z − 95 km)², 400 km² in m²
        return d <= 0 ? 0 : EddyK7M2PerS * Math.Exp(-x / d);
    }

    /// <summary>Q(Z−U)²·exp(−W(Z−U)³), 1/m: one vertical-transport term of Table 7.</summary>
    private static double TransportTerm(double q, double w, double d) => q * d * d * Math.Exp(-w * d * d * d);

    /// <summary>f for a species diffusing through a background (diffusion regime below 115 km, K ≥ 0), 1/m.</summary>
    private static double DiffusionTerm(double gOverRT, double g, double dTdZ, double mi, double alpha, double meanM, double d, double k)
        => k > 0
            ? gOverRT * d / (d + k) * (mi + meanM * k / d + alpha * GasConstant * dTdZ / g)
            : gOverRT * (mi + alpha * GasConstant * dTdZ / g);

    private static void Derivatives(double z, in Segment seg, ReadOnlySpan<double> y, Span<double> dy)
    {
        double t = Temperature(z, seg.Temperature, out double dTdZ);
        double g = Gravity(z);
        double gOverRT = g / (GasConstant * t);
        double thermal = -dTdZ / t; // the (T7/T) factor
        double nN2 = Math.Exp(y[0]), nO = Math.Exp(y[1]), nO2 = Math.Exp(y[2]);
        double lnTheta = Math.Log(t / DiffusionReferenceTemperatureK);
        double k = Eddy(z, seg.Eddy);

        // N2: f = M g/(R*T), M = M0 below 100 km, M(N2) above.
        dy[0] = -gOverRT * (seg.MixedMolecularWeight ? M0 : MN2) + thermal;

        // O and O2 diffuse through N2; above 100 km the background's mean molecular weight is M(N2).
        double meanOxygen = seg.MixedMolecularWeight ? M0 : MN2;
        double dO = AO / nN2 * Math.Exp(BO * lnTheta);
        double dO2 = AO2 / nN2 * Math.Exp(BO2 * lnTheta);
        double fO = DiffusionTerm(gOverRT, g, dTdZ, MO, 0, meanOxygen, dO, k);
        double fO2 = DiffusionTerm(gOverRT, g, dTdZ, MO2, 0, meanOxygen, dO2, k);

        // Ar and He diffuse through N2 + O + O2.
        double nHeavy = nN2 + nO + nO2;
        double meanHeavy = seg.MixedMolecularWeight ? M0 : (nN2 * MN2 + nO * MO + nO2 * MO2) / nHeavy;
        double dAr = AAr / nHeavy * Math.Exp(BAr * lnTheta);
        double dHe = AHe / nHeavy * Math.Exp(BHe * lnTheta);
        double fAr = DiffusionTerm(gOverRT, g, dTdZ, MAr, 0, meanHeavy, dAr, k);
        double fHe = DiffusionTerm(gOverRT, g, dTdZ, MHe, AlphaHe, meanHeavy, dHe, k);

        if (seg.Transport)
        {
            fO += TransportTerm(QO, WO, z - UO);
            if (seg.OxygenSecondTerm) fO += TransportTerm(QSmallO, WSmallO, USmallO - z);
            fO2 += TransportTerm(QO2, WO2, z - UO2);
            fAr += TransportTerm(QAr, WAr, z - UAr);
            fHe += TransportTerm(QHe, WHe, z - UHe);
        }

        dy[1] = -fO + thermal;
        dy[2] = -fO2 + thermal;
        dy[3] = -fAr + thermal;
        dy[4] = -fHe + thermal;

        if (seg.Hydrogen == HydrogenForm.Absent)
        {
            dy[ITau] = 0;
            dy[IFlux] = 0;
            return;
        }
        dy[ITau] = MH * gOverRT;
        if (seg.Hydrogen == HydrogenForm.Flux)
        {
            double background = nHeavy + Math.Exp(y[3]) + Math.Exp(y[4]);
            double dH = AH / background * Math.Exp(BH * lnTheta);
            dy[IFlux] = HydrogenFluxPerM2S / dH * Math.Pow(t / T11, 1 + AlphaH) * Math.Exp(y[ITau]);
        }
        else
        {
            dy[IFlux] = 0;
        }
    }

    /// <summary>State and log-derivatives at z from the integrated vector y, with the formulas of segment seg.</summary>
    private static Point Evaluate(double z, in Segment seg, ReadOnlySpan<double> y)
    {
        Span<double> dy = stackalloc double[StateSize];
        Derivatives(z, seg, y, dy);
        double t = Temperature(z, seg.Temperature, out double dTdZ);

        Span<double> n = stackalloc double[6];
        Span<double> dLnN = stackalloc double[6];
        for (int i = 0; i < 5; i++)
        {
            n[i] = Math.Exp(y[i]);
            dLnN[i] = dy[i];
        }
        if (seg.Hydrogen == HydrogenForm.Absent)
        {
            n[5] = 0;
            dLnN[5] = 0;
        }
        else
        {
            double amplitude = HydrogenConstant - y[IFlux];
            n[5] = amplitude * Math.Pow(T11 / t, 1 + AlphaH) * Math.Exp(-y[ITau]);
            dLnN[5] = -dy[IFlux] / amplitude - (1 + AlphaH) * dTdZ / t - dy[ITau];
        }

        ReadOnlySpan<double> m = [MN2, MO, MO2, MAr, MHe, MH];
        double total = 0, dTotal = 0, mass = 0, dMass = 0;
        for (int i = 0; i < 6; i++)
        {
            total += n[i];
            dTotal += n[i] * dLnN[i];
            mass += n[i] * m[i];
            dMass += n[i] * m[i] * dLnN[i];
        }
        var composition = new Ussa1976Composition(n[0], n[1], n[2], n[3], n[4], n[5]);
        return new Point(t, composition, total * Boltzmann * t, mass / Avogadro, dTotal / total + dTdZ / t, dMass / mass, dTdZ / t);
    }
}
