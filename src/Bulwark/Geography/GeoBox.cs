using System.Globalization;

namespace Bulwark.Geography;

/// <summary>A longitude–latitude box in degrees (west to east, south to north; it may not cross the antimeridian).</summary>
public sealed record GeoBox(double MinLatDeg, double MinLonDeg, double MaxLatDeg, double MaxLonDeg)
{
    /// <summary>
    /// NATO's European members with their islands: 27°N (the Canaries) to 82°N (Svalbard), 32°W (the Azores) to 45°E
    /// (eastern Turkey). Not North America: footprints over the US and Canada need their own box.
    /// </summary>
    public static readonly GeoBox NatoEurope = new(27, -32, 82, 45);

    /// <summary>Reads <c>nato-europe</c> or <c>LAT0,LON0,LAT1,LON1</c> (degrees, south-west then north-east corner).</summary>
    public static GeoBox Parse(string value, string flag = "--region")
    {
        if (value == "nato-europe")
        {
            return NatoEurope;
        }

        string[] parts = value.Split(',');
        var numbers = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok))
        {
            throw new InputException(null, null, null, flag, $"'{value}' is not a region; expected nato-europe or LAT0,LON0,LAT1,LON1 in degrees (south-west, north-east), e.g. 35,-10,60,30");
        }

        var box = new GeoBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (!(box.MinLatDeg >= -90 && box.MaxLatDeg <= 90 && box.MinLatDeg < box.MaxLatDeg))
        {
            throw new InputException(null, null, null, flag, $"latitudes {numbers[0]} to {numbers[2]}: expected −90 ≤ LAT0 < LAT1 ≤ 90");
        }

        if (!(box.MinLonDeg >= -180 && box.MaxLonDeg <= 180 && box.MinLonDeg < box.MaxLonDeg))
        {
            throw new InputException(null, null, null, flag, $"longitudes {numbers[1]} to {numbers[3]}: expected −180 ≤ LON0 < LON1 ≤ 180 (a box may not cross the antimeridian)");
        }

        return box;
    }
}
