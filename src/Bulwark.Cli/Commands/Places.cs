using System.Globalization;
using Bulwark.Catalog;
using Bulwark.Earth;

namespace Bulwark.Cli.Commands;

/// <summary>Reads a PLACE argument: a catalog place id, or <c>LAT,LON</c> in degrees.</summary>
internal static class Places
{
    public static Geodetic Parse(string flag, string value, BulwarkCatalog? catalog = null)
    {
        catalog ??= BulwarkCatalog.BuiltIn;
        if (catalog.Find(value) is { Kind: "places" })
        {
            return catalog.Place(value).Position with { HeightM = 0 };
        }

        string[] parts = value.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double lat)
            && double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double lon))
        {
            if (!(lat >= -90 && lat <= 90))
            {
                throw new InputException(null, null, null, flag, $"latitude {parts[0].Trim()} is out of range; expected degrees from −90 to 90");
            }

            if (!(lon >= -180 && lon <= 360))
            {
                throw new InputException(null, null, null, flag, $"longitude {parts[1].Trim()} is out of range; expected degrees from −180 to 360");
            }

            return Geodetic.FromDegrees(lat, lon);
        }

        throw new InputException(null, null, null, flag, $"'{value}' is not a place; expected a catalog place id (bulwark catalog places) or LAT,LON in degrees, e.g. 35.2347,53.9208");
    }
}
