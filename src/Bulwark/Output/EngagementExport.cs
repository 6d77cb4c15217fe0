using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Numerics;
using Bulwark.Output.Scenes;
using Bulwark.Sensing;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Output;

/// <summary>
/// An engagement scenario as a scene (<see cref="GeoScene"/>): battery and radar sites, radar coverage, threat tracks,
/// the sensors' detection and track moments, interceptor fly-outs and intercept points on one timeline; written as
/// CZML, KML and GeoJSON that agree.
/// </summary>
public static class EngagementExport
{
    public static GeoScene Scene(AnalysisContext context, Scenario scenario, IReadOnlyList<ThreatEngagement> engagements,
        IReadOnlyDictionary<(string Threat, string Battery, int Shot), IReadOnlyList<(double TimeS, Vec3 EcefM)>> flyouts,
        double coverageAltitudeM = SensorScene.DefaultCoverageAltitudeM)
    {
        var scene = SensorScene.AddSensors(new GeoScene(scenario.Name), context, scenario, coverageAltitudeM);
        AddBatteries(scene, scenario);
        foreach (ThreatEngagement e in engagements)
        {
            string id = e.Threat.Threat.Id;
            SensorScene.AddThreat(scene, scenario.Catalog, e.Threat);
            SensorScene.AddMoments(scene, e.Sensors);
            foreach (var b in e.Batteries)
            {
                for (int i = 0; i < b.Shots.Count; i++)
                {
                    var shot = b.Shots[i];
                    if (flyouts.TryGetValue((id, b.BatteryId, i), out var path) && path.Count > 0)
                    {
                        scene.Track("interceptors", $"interceptor/{id}/{b.BatteryId}/{i + 1}", $"{b.InterceptorId} from {b.BatteryId} (shot {i + 1} at {id})", SceneStyle.Interceptor, path,
                            FormattableString.Invariant($"launched at {shot.LaunchS:0} s"));
                    }

                    scene.Marker("intercepts", $"intercept/{id}/{b.BatteryId}/{i + 1}", $"{id}: {b.BatteryId} shot {i + 1}", SceneStyle.Intercept, shot.Point, shot.InterceptS,
                        FormattableString.Invariant($"launch {shot.LaunchS:F0} s, intercept {shot.InterceptS:F0} s at {shot.Point.HeightM / 1000:F0} km, closing {shot.ClosingSpeedMPerS / 1000:F2} km/s, {shot.Interceptors} interceptor(s), single-shot Pk {b.SingleShotPk:0.00}"));
                }
            }
        }

        return scene;
    }

    /// <summary>The architecture's batteries, described with their interceptor's headline figures and sources.</summary>
    public static GeoScene AddBatteries(GeoScene scene, Scenario scenario)
    {
        foreach (Battery b in scenario.Architecture!.Batteries)
        {
            scene.Marker("sites", $"site/{b.Id}", b.Id, SceneStyle.Site, scenario.Catalog.Place(b.PlaceId).Position with { HeightM = 0 },
                description: $"{b.Inventory} × " + EntryNotes.Describe(scenario.Catalog, "interceptors", b.InterceptorId));
        }

        return scene;
    }
}
