using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Output;

/// <summary>An engagement scenario as CZML (threats, interceptor fly-outs and intercept points on one timeline) and KML.</summary>
public static class EngagementExport
{
    private static readonly int[] ThreatColour = [230, 40, 40, 255];
    private static readonly int[] InterceptorColour = [40, 120, 255, 255];
    private static readonly int[] InterceptColour = [255, 220, 0, 255];
    private static readonly int[] SiteColour = [0, 170, 0, 255];

    public static string Czml(Scenario scenario, IReadOnlyList<ThreatEngagement> engagements,
        IReadOnlyDictionary<(string Threat, string Battery, int Shot), IReadOnlyList<(double TimeS, Vec3 EcefM)>> flyouts)
    {
        var czml = new Czml(scenario.Name);
        foreach (ThreatEngagement e in engagements)
        {
            string id = e.Threat.Threat.Id;
            czml.Path($"threat/{id}", id, [.. e.Threat.Track.Points.Select(p => (p.TimeS, p.EcefM))], ThreatColour);
            foreach (var b in e.Batteries)
            {
                for (int i = 0; i < b.Shots.Count; i++)
                {
                    var shot = b.Shots[i];
                    if (flyouts.TryGetValue((id, b.BatteryId, i), out var path) && path.Count > 0)
                    {
                        czml.Path($"interceptor/{id}/{b.BatteryId}/{i + 1}", $"{b.InterceptorId} from {b.BatteryId} (shot {i + 1} at {id})", path, InterceptorColour);
                    }

                    czml.Point($"intercept/{id}/{b.BatteryId}/{i + 1}", $"intercept {i + 1}: {b.BatteryId}", Ellipsoid.Wgs84.ToEcef(shot.Point), InterceptColour, shot.InterceptS);
                }
            }
        }

        foreach (Battery b in scenario.Architecture!.Batteries)
        {
            czml.Point($"site/{b.Id}", b.Id, Ellipsoid.Wgs84.ToEcef(scenario.Catalog.Place(b.PlaceId).Position), SiteColour);
        }

        return czml.ToString();
    }

    public static string Kml(Scenario scenario, IReadOnlyList<ThreatEngagement> engagements,
        IReadOnlyDictionary<(string Threat, string Battery, int Shot), IReadOnlyList<(double TimeS, Vec3 EcefM)>> flyouts)
    {
        var kml = new Kml(scenario.Name);
        foreach (Battery b in scenario.Architecture!.Batteries)
        {
            Geodetic g = scenario.Catalog.Place(b.PlaceId).Position;
            kml.Point("sites", b.Id, g.LongitudeDeg, g.LatitudeDeg, 0, "site", $"{b.InterceptorId} × {b.Inventory}");
        }

        foreach (ThreatEngagement e in engagements)
        {
            string id = e.Threat.Threat.Id;
            kml.Line("threats", id, e.Threat.Track.Points.Select(p => Ellipsoid.Wgs84.ToGeodetic(p.EcefM)).Select(g => (g.LongitudeDeg, g.LatitudeDeg, g.HeightM)), "threat");
            foreach (var b in e.Batteries)
            {
                for (int i = 0; i < b.Shots.Count; i++)
                {
                    var shot = b.Shots[i];
                    kml.Point("intercepts", $"{id}: {b.BatteryId} shot {i + 1}", shot.Point.LongitudeDeg, shot.Point.LatitudeDeg, shot.Point.HeightM, "intercept",
                        FormattableString.Invariant($"launch {shot.LaunchS:F0} s, intercept {shot.InterceptS:F0} s, closing {shot.ClosingSpeedMPerS / 1000:F2} km/s"));
                    if (flyouts.TryGetValue((id, b.BatteryId, i), out var path) && path.Count > 0)
                    {
                        kml.Line("interceptors", $"{b.InterceptorId} from {b.BatteryId} → {id}",
                            path.Select(p => Ellipsoid.Wgs84.ToGeodetic(p.EcefM)).Select(g => (g.LongitudeDeg, g.LatitudeDeg, g.HeightM)), "interceptor");
                    }
                }
            }
        }

        return kml.ToString();
    }
}
