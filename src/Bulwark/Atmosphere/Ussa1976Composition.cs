using static Bulwark.Atmosphere.Ussa1976Constants;

namespace Bulwark.Atmosphere;

/// <summary>
/// Number densities of the six species the 1976 standard models from 86 to 1000 km, 1/m³ (Part 4, Table VIII lists
/// them). Atomic hydrogen is zero below 150 km, as in the standard.
/// </summary>
/// <param name="N2">molecular nitrogen, 1/m³</param>
/// <param name="O">atomic oxygen, 1/m³</param>
/// <param name="O2">molecular oxygen, 1/m³</param>
/// <param name="Ar">argon, 1/m³</param>
/// <param name="He">helium, 1/m³</param>
/// <param name="H">atomic hydrogen, 1/m³</param>
public readonly record struct Ussa1976Composition(double N2, double O, double O2, double Ar, double He, double H)
{
    /// <summary>Total number density N = Σ nᵢ, 1/m³.</summary>
    public double Total => N2 + O + O2 + Ar + He + H;

    /// <summary>Mass density ρ = Σ nᵢ·Mᵢ / N_A, kg/m³ (Part 1, the 86–1000 km definition).</summary>
    public double MassDensity => MolarMassSum / Avogadro;

    /// <summary>Mean molecular weight M = Σ nᵢ·Mᵢ / Σ nᵢ, kg/kmol.</summary>
    public double MeanMolecularWeight => MolarMassSum / Total;

    /// <summary>Pressure P = N·k·T at kinetic temperature <paramref name="kineticTemperatureK"/> (K), Pa.</summary>
    public double Pressure(double kineticTemperatureK) => Total * Boltzmann * kineticTemperatureK;

    private double MolarMassSum => N2 * MN2 + O * MO + O2 * MO2 + Ar * MAr + He * MHe + H * MH;
}
