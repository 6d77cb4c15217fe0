using Bulwark.Earth;

namespace Bulwark.Geography;

/// <summary>A named place: a site, a launch area, an ICBM base, a city or capital, a ship station.</summary>
/// <param name="Id">catalog id</param>
/// <param name="Name">display name</param>
/// <param name="Country">ISO 3166-1 alpha-3 code (or null at sea)</param>
/// <param name="Roles">what the place is (radar-site, interceptor-site, launch-area, icbm-base, capital, city, ship-station)</param>
/// <param name="Position">geodetic position (height above the ellipsoid)</param>
/// <param name="UncertaintyKm">how far the true point may be, km (null = a well-known point)</param>
/// <param name="JoinedNato">for capitals: the year the country joined NATO, when after 2010</param>
/// <param name="PopulationCount">population where the source gives one</param>
public sealed record Place(string Id, string Name, string? Country, IReadOnlyList<string> Roles, Geodetic Position, double? UncertaintyKm, int? JoinedNato, double? PopulationCount)
{
    public static readonly string[] KnownRoles = ["radar-site", "interceptor-site", "launch-area", "icbm-base", "capital", "city", "ship-station"];

    public bool Has(string role) => Roles.Contains(role);
}
