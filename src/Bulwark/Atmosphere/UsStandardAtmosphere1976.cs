namespace Bulwark.Atmosphere;

/// <summary>U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562), 0–1000 km geometric altitude.</summary>
public sealed class UsStandardAtmosphere1976 : IAtmosphere
{
    public static readonly UsStandardAtmosphere1976 Instance = new();

    public AtmosphereState At(double geometricAltitudeM) => throw new NotImplementedException();
}
