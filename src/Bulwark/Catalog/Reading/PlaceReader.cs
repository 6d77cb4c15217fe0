using Bulwark.Earth;
using Bulwark.Geography;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads place entries into <see cref="Place"/> records.</summary>
public static class PlaceReader
{
    /// <summary>Reads a place entry.</summary>
    public static Place Read(YamlNode node)
    {
        node.OnlyKeys("id", "name", "country", "roles", "lat_deg", "lon_deg", "alt_m", "uncertainty_km", "member_2010", "joined_nato",
            "coordinates_of", "population_count", "provenance", "uncertain", "notes");
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
            return Array.IndexOf(Place.KnownRoles, role) >= 0 ? role : throw r.Error($"unknown role '{role}'; expected one of: {string.Join(", ", Place.KnownRoles)}");
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
