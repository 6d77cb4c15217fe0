using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Output.Json;

/// <summary>
/// The JSON of <c>bulwark engage</c> (DESIGN §7: <c>threats[] {id, impact_s, opportunities[] {battery, interceptor,
/// launch_s, intercept_s, intercept {lat_deg, lon_deg, alt_km}, closing_speed_km_s}, shots_possible, p_kill}</c>), and
/// the shot that the viewer's summary writes the same way.
/// </summary>
public static class EngagementJson
{
    public static string Write(Scenario s, IReadOnlyList<ThreatEngagement> engagements) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("scenario", s.Name);
        w.WriteString("architecture", s.Architecture!.Id);
        w.WriteStartObject("doctrine");
        w.WriteString("mode", s.Architecture.Doctrine.Mode == FiringMode.Salvo ? "salvo" : "shoot-look-shoot");
        w.WriteNumber("kill_assessment_s", s.Architecture.Doctrine.KillAssessmentS);
        w.WriteNumber("max_shots_per_threat", s.Architecture.Doctrine.MaxShotsPerThreat);
        w.WriteEndObject();
        w.WriteStartArray("threats");
        foreach (ThreatEngagement e in engagements)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Threat.Threat.Id);
            w.WriteTime("impact_s", e.Threat.Solution.Trajectory.Final.TimeS);
            w.WriteStartArray("opportunities");
            foreach (BatteryEngagement b in e.Batteries)
            {
                foreach (Shot shot in b.Shots)
                {
                    w.WriteStartObject();
                    w.WriteString("battery", b.BatteryId);
                    w.WriteString("interceptor", b.InterceptorId);
                    ShotFields(w, shot);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("batteries");
            foreach (BatteryEngagement b in e.Batteries)
            {
                w.WriteStartObject();
                BatteryFields(w, b);
                w.WriteTime("first_intercept_s", b.First?.InterceptS);
                w.WriteTime("last_intercept_s", b.Last?.InterceptS);
                w.WriteNumber("shots", b.Shots.Count);
                w.WriteNumber("interceptors_fired", b.InterceptorsFired);
                w.WriteNumber("p_kill", Rounding.Probability(b.PKill));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("shots_possible", e.ShotsPossible);
            w.WriteNumber("p_kill", Rounding.Probability(e.PKill));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A battery's first keys, inside an object the caller opens: <c>battery, interceptor, earliest_launch_s</c>.</summary>
    public static void BatteryFields(Utf8JsonWriter w, BatteryEngagement b)
    {
        w.WriteString("battery", b.BatteryId);
        w.WriteString("interceptor", b.InterceptorId);
        w.WriteTime("earliest_launch_s", b.EarliestLaunchS);
    }

    /// <summary>
    /// A shot's own keys, inside an object the caller opens: <c>launch_s, intercept_s, intercept {lat_deg, lon_deg,
    /// alt_km}, closing_speed_km_s, crossing_angle_deg, interceptors</c>.
    /// </summary>
    public static void ShotFields(Utf8JsonWriter w, Shot shot)
    {
        w.WriteTime("launch_s", shot.LaunchS);
        w.WriteTime("intercept_s", shot.InterceptS);
        w.WriteStartObject("intercept");
        w.WriteNumber("lat_deg", Rounding.LatLon(shot.Point.LatitudeDeg));
        w.WriteNumber("lon_deg", Rounding.LatLon(shot.Point.LongitudeDeg));
        w.WriteNumber("alt_km", Rounding.Km(shot.Point.HeightM));
        w.WriteEndObject();
        w.WriteNumber("closing_speed_km_s", Rounding.KmPerS(shot.ClosingSpeedMPerS));
        w.WriteNumber("crossing_angle_deg", Rounding.AngleDeg(shot.CrossingAngleRad));
        w.WriteNumber("interceptors", shot.Interceptors);
    }
}
