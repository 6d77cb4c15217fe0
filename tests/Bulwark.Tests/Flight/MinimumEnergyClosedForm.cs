namespace Bulwark.Tests.Flight;

/// <summary>
/// Minimum-energy ballistics over a non-rotating spherical Earth with burnout and impact at the surface (Bate, Mueller and
/// White, "Fundamentals of Astrodynamics", 1971, §6.2–6.3; the formulas of shared/REFERENCES.md §2.1 / V1).
/// </summary>
internal static class MinimumEnergyClosedForm
{
    /// <summary>μ = 398,600.4418 km³/s² and R = 6,371.0 km: the constants of REFERENCES.md §2.</summary>
    public const double MuM3PerS2 = 398600.4418e9;
    public const double RadiusM = 6371.0e3;

    /// <summary>(speed m/s, flight-path angle rad, time of flight s) for ground range D (m).</summary>
    public static (double SpeedMPerS, double GammaRad, double TimeOfFlightS) For(double rangeM)
    {
        double psi = rangeM / RadiusM;
        double s = Math.Sin(psi / 2);
        double q = 2 * s / (1 + s);
        double gamma = (Math.PI - psi) / 4;
        double v = Math.Sqrt(q * MuM3PerS2 / RadiusM);
        double a = RadiusM / (2 - q);
        double cg = Math.Cos(gamma);
        double e = Math.Sqrt(1 + q * (q - 2) * cg * cg);
        double nu = Math.PI - psi / 2;
        double bigE = 2 * Math.Atan(Math.Sqrt((1 - e) / (1 + e)) * Math.Tan(nu / 2));
        double meanAnomaly = bigE - e * Math.Sin(bigE);
        double tof = 2 * (Math.PI - meanAnomaly) * Math.Sqrt(a * a * a / MuM3PerS2);
        return (v, gamma, tof);
    }
}
