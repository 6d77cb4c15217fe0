using System.CommandLine;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Scenarios;

namespace Bulwark.Cli;

/// <summary>The environment flags of DESIGN §7 (<c>--earth wgs84|sphere</c>, <c>--no-rotation</c>) and what they do to a flight environment.</summary>
internal static class EnvironmentOptions
{
    public static Option<string?> Earth() => new("--earth") { Description = "wgs84 (default) or sphere (radius 6,371,007.18 m, no J2)" };

    public static Option<bool> NoRotation() => new("--no-rotation") { Description = "a non-rotating Earth" };

    /// <summary><paramref name="baseEnvironment"/> with the planet the flags ask for (its own where <paramref name="earth"/> is null).</summary>
    public static FlightEnvironment Apply(FlightEnvironment baseEnvironment, string? earth, bool noRotation)
    {
        Planet planet = earth switch
        {
            null => baseEnvironment.Planet,
            "wgs84" => Planet.Wgs84,
            "sphere" => Planet.Sphere(Planet.NescSphereRadiusM, Wgs84.GravitationalParameterM3PerS2, Wgs84.RotationRateRadPerS),
            _ => throw new InputException(null, null, null, "--earth", $"unknown earth model '{earth}'; expected wgs84 or sphere"),
        };
        if (noRotation)
        {
            planet = planet with { RotationRateRadPerS = 0 };
        }

        return baseEnvironment with { Planet = planet };
    }
}
