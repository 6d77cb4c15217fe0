using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Scenes;

namespace Bulwark.Server;

/// <summary>
/// The numbers the page shows beside a scene (DESIGN §7 key names where they exist: <c>impact_s</c>, <c>p_kill</c>,
/// <c>first_detect_s</c> …), and the catalog sources behind them. Shots and sensor timelines are written by the writers of
/// <c>engage</c> and <c>see</c> (<see cref="EngagementJson.ShotFields"/>, <see cref="SensorJson.Timelines"/>), rounded alike.
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
        w.WriteTime("burnout_s", f.Track.BurnoutTimeS);
        w.WriteTime("impact_s", f.Solution.Trajectory.Final.TimeS);
        w.WriteEndObject();
        w.WriteNumber("shots_possible", e.ShotsPossible);
        w.WriteNumber("p_kill", Rounding.Probability(e.PKill));
        w.WriteStartArray("batteries");
        foreach (BatteryEngagement b in e.Batteries)
        {
            w.WriteStartObject();
            EngagementJson.BatteryFields(w, b);
            w.WriteStartArray("shots");
            foreach (var shot in b.Shots)
            {
                w.WriteStartObject();
                EngagementJson.ShotFields(w, shot);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("p_kill", Rounding.Probability(b.PKill));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        SensorJson.Timelines(w, e.Sensors.Sensors);
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
}
