using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Sensing;
using Bulwark.Flight.Targeting;

namespace Bulwark.Output.Json;

/// <summary>
/// The JSON of <c>bulwark see</c> (DESIGN §7: <c>threats[] {id, sensors[] {sensor, first_visible_s, …}}</c>), and the
/// sensor timeline that <c>deterrent</c> and the viewer's summary write the same way.
/// </summary>
public static class SensorJson
{
    public static string Write(Scenario s, IReadOnlyList<ThreatPicture> pictures) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("scenario", s.Name);
        w.WriteString("architecture", s.Architecture!.Id);
        w.WriteStartArray("threats");
        foreach (ThreatPicture p in pictures)
        {
            w.WriteStartObject();
            ThreatFields(w, p.Threat.Threat);
            w.WriteTime("burnout_s", p.Threat.Track.BurnoutTimeS);
            w.WriteTime("impact_s", p.Threat.Solution.Trajectory.Final.TimeS);
            Timelines(w, p.Sensors);
            w.WriteStartArray("batteries");
            foreach (BatteryPicture b in p.Batteries)
            {
                w.WriteStartObject();
                w.WriteString("battery", b.BatteryId);
                w.WriteTime("cue_s", b.CueS);
                w.WriteString("cue_sensor", b.CueSensor);
                w.WriteString("cue_path", b.CuePath);
                w.WriteTime("fire_control_s", b.FireControlS);
                w.WriteString("fire_control_sensor", b.FireControlSensor);
                w.WriteString("fire_control_path", b.FireControlPath);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A threat's own keys, inside an object the caller opens: <c>id, missile, from, to</c> (catalog ids).</summary>
    public static void ThreatFields(Utf8JsonWriter w, Threat t)
    {
        w.WriteString("id", t.Id);
        w.WriteString("missile", t.MissileId);
        w.WriteString("from", t.FromId);
        w.WriteString("to", t.ToId);
    }

    /// <summary>
    /// <c>"sensors": [{sensor, first_visible_s, first_detect_s, firm_track_s, fire_control_s, last_track_s}]</c>, null
    /// where never.
    /// </summary>
    public static void Timelines(Utf8JsonWriter w, IEnumerable<SensorTimeline> sensors)
    {
        w.WriteStartArray("sensors");
        foreach (SensorTimeline t in sensors)
        {
            w.WriteStartObject();
            w.WriteString("sensor", t.SensorId);
            w.WriteTime("first_visible_s", t.FirstVisibleS);
            w.WriteTime("first_detect_s", t.FirstDetectS);
            w.WriteTime("firm_track_s", t.FirmTrackS);
            w.WriteTime("fire_control_s", t.FireControlS);
            w.WriteTime("last_track_s", t.LastTrackS);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
