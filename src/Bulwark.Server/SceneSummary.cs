using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Output;
using Bulwark.Output.Scenes;
using Bulwark.Sensing;

namespace Bulwark.Server;

/// <summary>
/// The numbers the page shows beside a scene (DESIGN §7 key names where they exist: <c>impact_s</c>, <c>p_kill</c>,
/// <c>first_detect_s</c> …), and the catalog sources behind them.
/// </summary>
public static class SceneSummary
{
    public static string Write(Scenario s, IReadOnlyList<ThreatEngagement> engagements) => JsonText.Write(w =>
    {
        Architecture a = s.Architecture!;
        ThreatEngagement e = engagements.Single();
        w.WriteStartObject();
        w.WriteString("scenario", s.Name);
        w.WriteStartObject("architecture");
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteNumber("year", a.Year);
        w.WriteString("status", a.Status);
        w.WriteEndObject();
        var f = e.Threat;
        w.WriteStartObject("threat");
        w.WriteString("id", f.Threat.Id);
        w.WriteString("missile", f.Missile.Name);
        w.WriteString("from", f.Threat.FromId);
        w.WriteString("to", f.Threat.ToId);
        w.WriteNumber("burnout_s", Math.Round(f.Track.BurnoutTimeS, 1));
        w.WriteNumber("impact_s", Math.Round(f.Solution.Trajectory.Final.TimeS, 1));
        w.WriteEndObject();
        w.WriteNumber("shots_possible", e.ShotsPossible);
        w.WriteNumber("p_kill", Math.Round(e.PKill, 4));
        w.WriteStartArray("batteries");
        foreach (BatteryEngagement b in e.Batteries)
        {
            w.WriteStartObject();
            w.WriteString("battery", b.BatteryId);
            w.WriteString("interceptor", b.InterceptorId);
            Time(w, "earliest_launch_s", b.EarliestLaunchS);
            w.WriteStartArray("shots");
            foreach (var shot in b.Shots)
            {
                w.WriteStartObject();
                w.WriteNumber("launch_s", Math.Round(shot.LaunchS, 1));
                w.WriteNumber("intercept_s", Math.Round(shot.InterceptS, 1));
                w.WriteNumber("alt_km", Math.Round(shot.Point.HeightM / 1000, 1));
                w.WriteNumber("closing_speed_km_s", Math.Round(shot.ClosingSpeedMPerS / 1000, 2));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("p_kill", Math.Round(b.PKill, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sensors");
        foreach (SensorTimeline t in e.Sensors.Sensors)
        {
            w.WriteStartObject();
            w.WriteString("sensor", t.SensorId);
            Time(w, "first_detect_s", t.FirstDetectS);
            Time(w, "firm_track_s", t.FirmTrackS);
            Time(w, "fire_control_s", t.FireControlS);
            Time(w, "last_track_s", t.LastTrackS);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        var entries = new List<(string Kind, string Id)> { ("architectures", a.Id), ("missiles", f.Threat.MissileId) };
        entries.AddRange(a.Batteries.Select(b => ("interceptors", b.InterceptorId)));
        entries.AddRange(a.Sensors.Select(x => ("sensors", x.SensorId)));
        foreach (var (kind, id) in entries.Distinct())
        {
            foreach (EntryNote n in EntryNotes.Of(s.Catalog, kind, id))
            {
                w.WriteStartObject();
                w.WriteString("entry", n.EntryId);
                w.WriteString("name", n.EntryName);
                w.WriteString("figure", n.Label);
                w.WriteString("value", n.Value);
                w.WriteString("confidence", n.Confidence);
                w.WriteString("citation", n.Citation);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Time(Utf8JsonWriter w, string key, double? t)
    {
        if (t is { } x)
        {
            w.WriteNumber(key, Math.Round(x, 1));
        }
        else
        {
            w.WriteNull(key);
        }
    }
}
