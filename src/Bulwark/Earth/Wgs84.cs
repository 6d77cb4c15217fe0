namespace Bulwark.Earth;

/// <summary>World Geodetic System 1984 defining and derived constants (NIMA TR8350.2, 3rd ed., 2000, Tables 3.1–3.4).</summary>
public static class Wgs84
{
    /// <summary>Semi-major axis a, m (TR8350.2 Table 3.1).</summary>
    public const double EquatorialRadiusM = 6378137.0;

    /// <summary>Flattening f = 1/298.257223563 (TR8350.2 Table 3.1).</summary>
    public const double Flattening = 1.0 / 298.257223563;

    /// <summary>Earth's gravitational constant GM including the atmosphere, m³/s² (TR8350.2 Table 3.1).</summary>
    public const double GravitationalParameterM3PerS2 = 3.986004418e14;

    /// <summary>
    /// Second zonal harmonic J2 = −√5·C̄₂₀ with C̄₂₀ = −0.484166774985e−3 (TR8350.2 Table 5.1, EGM96), dimensionless.
    /// </summary>
    public const double J2 = 1.082626683553e-3;

    /// <summary>Nominal mean angular velocity ω, rad/s (TR8350.2 Table 3.1).</summary>
    public const double RotationRateRadPerS = 7.292115e-5;
}
