using System.Text.Json;

namespace Bulwark.Output.Json;

/// <summary>Writes the numbers of a result under <see cref="Rounding"/>: the helpers every JSON writer shares.</summary>
public static class JsonNumbers
{
    /// <summary>A time in seconds to <see cref="Rounding.TimeDecimals"/>, or null where there is none (never seen, never reached).</summary>
    public static void WriteTime(this Utf8JsonWriter w, string key, double? s)
    {
        if (s is { } x)
        {
            w.WriteNumber(key, Rounding.Time(x));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    /// <summary>A speed in m/s written in km/s to <see cref="Rounding.SpeedDecimals"/>, or null.</summary>
    public static void WriteSpeedKmS(this Utf8JsonWriter w, string key, double? mPerS)
    {
        if (mPerS is { } v)
        {
            w.WriteNumber(key, Rounding.KmPerS(v));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    /// <summary>An object <c>{lat_deg, lon_deg}</c> to <see cref="Rounding.LatLonDecimals"/>.</summary>
    public static void WriteLatLon(this Utf8JsonWriter w, string key, double latDeg, double lonDeg)
    {
        w.WriteStartObject(key);
        w.WriteNumber("lat_deg", Rounding.LatLon(latDeg));
        w.WriteNumber("lon_deg", Rounding.LatLon(lonDeg));
        w.WriteEndObject();
    }
}
