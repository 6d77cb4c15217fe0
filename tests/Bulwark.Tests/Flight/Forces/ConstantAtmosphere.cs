using Bulwark.Atmosphere;

namespace Bulwark.Tests.Flight.Forces;

/// <summary>The same air at every altitude, so a force can be checked against hand-computed numbers.</summary>
internal sealed class ConstantAtmosphere(double densityKgPerM3, double speedOfSoundMPerS, double pressurePa = 0) : IAtmosphere
{
    public AtmosphereState At(double geometricAltitudeM) => new(288.15, pressurePa, densityKgPerM3, speedOfSoundMPerS);
}
