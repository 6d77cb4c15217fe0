using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;

namespace Bulwark.Output.Scenes;

/// <summary>What the sensors see, added to a scene: radar sites and coverage, threat tracks, and each sensor's detection, firm-track and fire-control moments.</summary>
public static class SensorScene
{
    /// <summary>The default target altitude of the coverage areas, m.</summary>
    public const double DefaultCoverageAltitudeM = 100_000;

    /// <summary>Radar sites with their coverage at <paramref name="coverageAltitudeM"/> (for each radar's reference RCS).</summary>
    public static GeoScene AddSensors(GeoScene scene, AnalysisContext context, Scenario scenario, double coverageAltitudeM = DefaultCoverageAltitudeM)
    {
        foreach (SensorPicture.Deployed d in SensorPicture.Deploy(context, scenario.Architecture!))
        {
            if (d.Radar is not { } radar)
            {
                continue;
            }

            string sensorId = scenario.Architecture!.Sensors.Single(s => s.Id == d.Node.Id).SensorId;
            string about = EntryNotes.Describe(scenario.Catalog, "sensors", sensorId);
            scene.Marker("radars", $"radar/{d.Node.Id}", d.Node.Id, SceneStyle.Radar, radar.Site with { HeightM = 0 }, description: about);
            scene.Area("coverage", $"coverage/{d.Node.Id}", FormattableString.Invariant($"{d.Node.Id} coverage at {coverageAltitudeM / 1000:0} km"),
                SceneStyle.Coverage, Coverage.Ring(radar, coverageAltitudeM), about);
        }

        return scene;
    }

    /// <summary>A flown threat's track.</summary>
    public static GeoScene AddThreat(GeoScene scene, BulwarkCatalog catalog, FlownThreat f) =>
        scene.Track("threats", $"threat/{f.Threat.Id}", f.Threat.Id, SceneStyle.Threat, f.Track.Points.Select(p => (p.TimeS, p.EcefM)),
            $"{f.Threat.FromId} → {f.Threat.ToId}, {f.Threat.Shape.Name()}; " + EntryNotes.Describe(catalog, "missiles", f.Threat.MissileId));

    /// <summary>Each sensor's detection, firm-track and fire-control moments, at the threat's position then, shown from that moment on.</summary>
    public static GeoScene AddMoments(GeoScene scene, ThreatPicture picture)
    {
        string threat = picture.Threat.Threat.Id;
        foreach (SensorTimeline t in picture.Sensors)
        {
            foreach (var (key, label, time) in new[] { ("detect", "detection", t.FirstDetectS), ("firm", "firm track", t.FirmTrackS), ("fire-control", "fire-control track", t.FireControlS) })
            {
                if (time is { } s)
                {
                    TrackPoint p = Nearest(picture.Threat.Track, s);
                    scene.Marker("detections", $"{key}/{threat}/{t.SensorId}", $"{t.SensorId}: {label} of {threat}", SceneStyle.Detection,
                        Earth.Ellipsoid.Wgs84.ToGeodetic(p.EcefM), s, FormattableString.Invariant($"{t.SensorId}: {label} at {s:0} s, altitude {p.HeightM / 1000:0} km"));
                }
            }
        }

        return scene;
    }

    /// <summary>The whole sensor picture of <c>bulwark see</c>: sensors, tracks and moments.</summary>
    public static GeoScene Of(AnalysisContext context, Scenario scenario, IReadOnlyList<ThreatPicture> pictures, double coverageAltitudeM = DefaultCoverageAltitudeM)
    {
        var scene = AddSensors(new GeoScene(scenario.Name), context, scenario, coverageAltitudeM);
        EngagementExport.AddBatteries(scene, scenario);
        foreach (ThreatPicture p in pictures)
        {
            AddThreat(scene, scenario.Catalog, p.Threat);
            AddMoments(scene, p);
        }

        return scene;
    }

    /// <summary>The track sample nearest in time (sensor times are sample times).</summary>
    private static TrackPoint Nearest(ThreatTrack track, double timeS)
    {
        var points = track.Points;
        int lo = 0, hi = points.Count - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (points[mid].TimeS <= timeS)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Abs(points[hi].TimeS - timeS) < Math.Abs(points[lo].TimeS - timeS) ? points[hi] : points[lo];
    }
}
