namespace Bulwark.Atmosphere;

/// <summary>
/// Defining constants of the U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562 = NASA-TM-X-74335, Part 1), SI units
/// except where a unit is stated. Molecular weights are in kg/kmol, so R* is per kmol: R*/M is then in J/(kg·K).
/// The document's own (1976) values are used on purpose, not CODATA: they reproduce its tables.
/// </summary>
public static class Ussa1976Constants
{
    // ---- Part 1, Table 2 and section 1.2 (defining constants) -------------------------------------------------

    /// <summary>g0, sea-level standard acceleration of gravity, m/s² (and g0′ = 9.80665 m²/(s²·m′)) (Part 1, Table 2).</summary>
    public const double G0 = 9.80665;

    /// <summary>r0, the effective Earth radius of eq. (18) relating geometric and geopotential altitude, m (Part 1, eq. (18)).</summary>
    public const double EarthRadiusM = 6356766.0;

    /// <summary>M0, sea-level mean molecular weight of air, kg/kmol (Part 1, Table 2).</summary>
    public const double M0 = 28.9644;

    /// <summary>R*, universal gas constant, J/(kmol·K) = 8.31432 J/(mol·K) (Part 1, Table 2).</summary>
    public const double GasConstant = 8.31432e3;

    /// <summary>k, Boltzmann constant, J/K (Part 1, Table 2).</summary>
    public const double Boltzmann = 1.380622e-23;

    /// <summary>N_A, Avogadro constant, 1/kmol (Part 1, Table 2).</summary>
    public const double Avogadro = 6.022169e26;

    /// <summary>P0, sea-level pressure, Pa (Part 1, Table 2).</summary>
    public const double P0 = 101325.0;

    /// <summary>T0, sea-level temperature, K (Part 1, Table 2).</summary>
    public const double T0 = 288.15;

    /// <summary>γ, ratio of specific heats of air, used for the speed of sound, eq. (50) (Part 1, Table 2).</summary>
    public const double Gamma = 1.40;

    // ---- Part 1, Table 3: molecular weights, kg/kmol ------------------------------------------------------------

    /// <summary>Molecular weight of N2, kg/kmol (Part 1, Table 3).</summary>
    public const double MN2 = 28.0134;

    /// <summary>Molecular weight of atomic O, kg/kmol (Part 1, constants of the species above 86 km).</summary>
    public const double MO = 15.9994;

    /// <summary>Molecular weight of O2, kg/kmol (Part 1, Table 3).</summary>
    public const double MO2 = 31.9988;

    /// <summary>Molecular weight of Ar, kg/kmol (Part 1, Table 3).</summary>
    public const double MAr = 39.948;

    /// <summary>Molecular weight of He, kg/kmol (Part 1, Table 3).</summary>
    public const double MHe = 4.0026;

    /// <summary>Molecular weight of atomic H (half of H2's 2.01594), kg/kmol (Part 1, Table 3).</summary>
    public const double MH = 1.00797;

    // ---- Part 1, Table 4: the seven geopotential layers, 0–84.852 km′ ------------------------------------------

    /// <summary>Geopotential altitude of the base of layers b = 0..6 and the top of layer 6, m′ (Part 1, Table 4).</summary>
    public static ReadOnlySpan<double> LayerBaseGeopotentialM => [0.0, 11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0, 84852.0];

    /// <summary>Molecular-scale temperature gradient L_M,b of layers b = 0..6, K/m′ (Part 1, Table 4).</summary>
    public static ReadOnlySpan<double> LayerLapseRateKPerM => [-0.0065, 0.0, 0.0010, 0.0028, 0.0, -0.0028, -0.0020];

    // ---- Part 1, eqs. (25)–(31), Table 5 and Appendix B: kinetic temperature 86–1000 km -------------

    /// <summary>Z7, base of the upper (species) region, geometric m (Part 1, Table 5).</summary>
    public const double Z7M = 86000.0;

    /// <summary>Z8, top of the isothermal 86–91 km segment, m (Part 1, Table 5).</summary>
    public const double Z8M = 91000.0;

    /// <summary>Z9, top of the elliptical segment, m (Part 1, Table 5).</summary>
    public const double Z9M = 110000.0;

    /// <summary>Z10, top of the linear segment, m (Part 1, Table 5).</summary>
    public const double Z10M = 120000.0;

    /// <summary>Z11, reference altitude for atomic hydrogen, m (Part 1, hydrogen equations).</summary>
    public const double Z11M = 500000.0;

    /// <summary>Z12, top of the model, m (Part 1, Table 5).</summary>
    public const double Z12M = 1000000.0;

    /// <summary>T7, kinetic temperature 86–91 km, K (Part 1, Table 5).</summary>
    public const double T7 = 186.8673;

    /// <summary>T9, kinetic temperature at 110 km, K (Part 1, Table 5).</summary>
    public const double T9 = 240.0;

    /// <summary>T10, kinetic temperature at 120 km, K (Part 1, Table 5).</summary>
    public const double T10 = 360.0;

    /// <summary>T11, kinetic temperature at 500 km used in the hydrogen equations, K (Part 1, hydrogen equations).</summary>
    public const double T11 = 999.2356;

    /// <summary>T∞, exospheric temperature, K (Part 1, Table 5).</summary>
    public const double TInfinity = 1000.0;

    /// <summary>Tc, centre of the 91–110 km ellipse, K (Part 1, eq. (27) and Appendix B).</summary>
    public const double EllipseTc = 263.1905;

    /// <summary>A, vertical semi-axis of the 91–110 km ellipse, K (Part 1, eq. (27) and Appendix B).</summary>
    public const double EllipseA = -76.3232;

    /// <summary>a, horizontal semi-axis of the 91–110 km ellipse, m (−19.9429 km; Part 1, eq. (27) and Appendix B).</summary>
    public const double EllipseSemiAxisM = -19942.9;

    /// <summary>L_K,9, kinetic temperature gradient 110–120 km, K/m (12 K/km; Part 1, Table 5).</summary>
    public const double LK9KPerM = 0.012;

    /// <summary>λ of eq. (31), 1/m (0.01875 /km; Part 1, Table 5).</summary>
    public const double LambdaPerM = 1.875e-5;

    // ---- Part 1, diffusion of the species above 86 km, Tables 6, 7 and 9 -----------------------------------------------------------

    /// <summary>K7, eddy-diffusion coefficient 86–95 km, m²/s (Part 1, eq. (7a)); eq. (7b) takes it to K10 = 0 at 115 km.</summary>
    public const double EddyK7M2PerS = 120.0;

    /// <summary>Reference temperature of the molecular-diffusion coefficient D = a/n·(T/273.15)^b, K (Part 1, eq. (8)).</summary>
    public const double DiffusionReferenceTemperatureK = 273.15;

    /// <summary>φ, vertical flux of atomic hydrogen, 1/(m²·s) (Part 1, hydrogen equations).</summary>
    public const double HydrogenFluxPerM2S = 7.2e11;

    /// <summary>n(N2) at 86 km, 1/m³ (Part 1, Table 9).</summary>
    public const double N2At86KmPerM3 = 1.129794e20;

    /// <summary>n(O) at 86 km, 1/m³ (Part 1, Table 9).</summary>
    public const double OAt86KmPerM3 = 8.6e16;

    /// <summary>n(O2) at 86 km, 1/m³ (Part 1, Table 9).</summary>
    public const double O2At86KmPerM3 = 3.030898e19;

    /// <summary>n(Ar) at 86 km, 1/m³ (Part 1, Table 9).</summary>
    public const double ArAt86KmPerM3 = 1.351400e18;

    /// <summary>n(He) at 86 km, 1/m³ (Part 1, Table 9; Table VIII prints 7.582e14).</summary>
    public const double HeAt86KmPerM3 = 7.5817e14;

    /// <summary>n(H) at 500 km, 1/m³ (Part 1, hydrogen equations).</summary>
    public const double HAt500KmPerM3 = 8.0e10;
}
