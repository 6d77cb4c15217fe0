namespace Bulwark.Atmosphere;

/// <summary>An atmosphere model: the state of the air at a geometric altitude above the surface.</summary>
public interface IAtmosphere
{
    /// <summary>The air at <paramref name="geometricAltitudeM"/> (metres above the ellipsoid or sphere).</summary>
    AtmosphereState At(double geometricAltitudeM);

    /// <summary>The speed of sound at <paramref name="geometricAltitudeM"/>, m/s: <see cref="At"/>'s, where a model can give it
    /// more cheaply alone (the propagator's Mach bands ask for it after every step).</summary>
    double SpeedOfSoundAt(double geometricAltitudeM) => At(geometricAltitudeM).SpeedOfSoundMPerS;

    /// <summary>
    /// The geometric altitudes (m, increasing) at which the state or its slope in altitude jumps: a layer's base where the
    /// temperature gradient changes, a change of model. A propagator ends its integration segments there, so that no
    /// step straddles a kink of the drag or the thrust (<see cref="Flight.Propagation.SmoothBandEvent"/>). Empty for a
    /// smooth model.
    /// </summary>
    IReadOnlyList<double> SlopeBreakAltitudesM() => [];
}

/// <summary>The state of the air at one altitude, SI units.</summary>
/// <param name="TemperatureK">kinetic temperature, K</param>
/// <param name="PressurePa">pressure, Pa</param>
/// <param name="DensityKgPerM3">mass density, kg/m³</param>
/// <param name="SpeedOfSoundMPerS">speed of sound, m/s (the 1976 model defines it only up to 86 km; above, it is computed from
/// the kinetic temperature with the sea-level mean molecular weight, as the model's own tables do not give it)</param>
public readonly record struct AtmosphereState(double TemperatureK, double PressurePa, double DensityKgPerM3, double SpeedOfSoundMPerS);

/// <summary>No air: zero density and pressure everywhere. Used by vacuum flights and check-cases without drag.</summary>
public sealed class NoAtmosphere : IAtmosphere
{
    public static readonly NoAtmosphere Instance = new();

    private NoAtmosphere() { }

    public AtmosphereState At(double geometricAltitudeM) => new(0, 0, 0, 0);
}
