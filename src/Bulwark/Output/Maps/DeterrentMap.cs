using Bulwark.Analysis.Deterrent;
using Bulwark.Earth;
using Bulwark.Sensing;

namespace Bulwark.Output.Maps;

/// <summary>The deterrent map: the ICBM tracks' ground paths, the batteries' and sensors' sites and the bases.</summary>
public static class DeterrentMap
{
    /// <summary>The map as PNG bytes (<see cref="ResultMaps.Render"/>), longitudes unwrapped along each track.</summary>
    public static byte[] Render(DeterrentResult result, Func<string, Geodetic> place)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(place);
        var tracks = result.Tracks.Select(t => new MapItem($"{t.BaseId} → {t.TargetId}", Ground(t.Flight.Track))).ToList();
        var ids = result.Architecture.Batteries.Select(b => b.PlaceId)
            .Concat(result.Architecture.Sensors.Where(s => s.PlaceId is not null).Select(s => s.PlaceId!))
            .Concat(result.Tracks.Select(t => t.BaseId)).Distinct();
        var sites = ids.Select(id => new MapItem(id, [(place(id).LongitudeDeg, place(id).LatitudeDeg)])).ToList();
        return ResultMaps.Render($"Russian ICBM tracks and {result.Architecture.Name}", [], tracks, sites);
    }

    private static List<(double LonDeg, double LatDeg)> Ground(ThreatTrack track)
    {
        var points = new List<(double, double)>();
        double? previous = null;
        for (int i = 0; i < track.Points.Count; i += 10)
        {
            Geodetic g = Ellipsoid.Wgs84.ToGeodetic(track.Points[i].EcefM);
            double lon = g.LongitudeDeg;
            if (previous is { } p)
            {
                lon += 360 * Math.Round((p - lon) / 360);
            }

            points.Add((lon, g.LatitudeDeg));
            previous = lon;
        }

        return points;
    }
}
