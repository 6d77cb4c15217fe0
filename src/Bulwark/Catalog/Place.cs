using Bulwark.Earth;
using Bulwark.Scenarios;

namespace Bulwark.Catalog;

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

    /// <summary>Reads a place entry.</summary>
    public static Place Read(YamlNode node)
    {
        node.OnlyKeys("id", "name", "country", "roles", "lat_deg", "lon_deg", "alt_m", "uncertainty_km", "member_2010", "joined_nato",
            "coordinates_of", "population_count", "provenance", "notes");
        string id = node.Get("id").String();
        string name = node.Get("name").String();
        string? country = node.TryGet("country") is { IsNull: false } cn ? cn.String() : null;
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetterUpper)))
        {
            throw node.Get("country").Error($"'{country}' is not an ISO 3166-1 alpha-3 code; expected three capital letters, e.g. ROU");
        }

        YamlNode rolesNode = node.Get("roles");
        var roles = rolesNode.Items().Select(r =>
        {
            string role = r.String();
            return Array.IndexOf(KnownRoles, role) >= 0 ? role : throw r.Error($"unknown role '{role}'; expected one of: {string.Join(", ", KnownRoles)}");
        }).ToList();
        double lat = node.Get("lat_deg").Number(-90, 90, "a latitude in degrees from −90 to 90");
        double lon = node.Get("lon_deg").Number(-180, 180, "a longitude in degrees from −180 to 180");
        double alt = node.TryGet("alt_m")?.Number(-500, 9000, "a height in metres from −500 to 9,000") ?? 0;
        double? uncertainty = node.TryGet("uncertainty_km")?.NonNegative("an uncertainty in km");
        int? joined = node.TryGet("joined_nato") is { } j ? (int)j.Number(1949, 2100, "a year") : null;
        double? population = node.TryGet("population_count")?.NonNegative("a population");
        if (node.TryGet("member_2010") is { } m && m.String() is not ("true" or "false"))
        {
            throw m.Error("expected true or false");
        }

        return new Place(id, name, country, roles, Geodetic.FromDegrees(lat, lon, alt), uncertainty, joined, population);
    }
}
