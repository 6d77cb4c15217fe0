using System.Globalization;
using Bulwark.Earth;
using Bulwark.Flight;

namespace Bulwark.Output;

/// <summary>
/// The world a result was computed in, in words, for reports and JSON (<c>--earth</c>, <c>--no-rotation</c>, DESIGN §7):
/// "rotating WGS-84 Earth" by default.
/// </summary>
public static class WorldText
{
    public static string Of(FlightEnvironment environment) => Of(environment.Planet);

    public static string Of(Planet planet)
    {
        string rotating = planet.IsRotating ? "rotating" : "non-rotating";
        if (planet.Shape == Ellipsoid.Wgs84)
        {
            return planet.J2 == 0 ? $"{rotating} WGS-84 Earth without J2" : $"{rotating} WGS-84 Earth";
        }

        string radius = planet.Shape.EquatorialRadiusM.ToString("#,0.##", CultureInfo.InvariantCulture);
        return planet.Shape.Flattening == 0
            ? $"{rotating} spherical Earth (radius {radius} m{(planet.J2 == 0 ? ", no J2" : "")})"
            : $"{rotating} ellipsoidal Earth (equatorial radius {radius} m)";
    }
}
