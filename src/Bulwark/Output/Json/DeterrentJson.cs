using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog.Studies;

namespace Bulwark.Output.Json;

/// <summary>
/// The JSON of <c>bulwark deterrent</c> (DESIGN §7: <c>tracks[] {base, target, missile, batteries[] {battery, interceptor,
/// can_intercept, earliest_intercept_s, threshold_speed_km_s}}</c>), rounded by <see cref="Rounding"/>.
/// </summary>
public static class DeterrentJson
{
    public static string Write(DeterrentResult r) => JsonText.Write(w =>
    {
        DeterrentOptions o = r.Options;
        w.WriteStartObject();
        w.WriteString("architecture", r.Architecture.Id);
        w.WriteString("ideal_sensors", "fire control at the ICBM's launch, interceptor launch after its reaction time, guidance everywhere: the worst case for Russia");
        w.WriteStartObject("threshold_search");
        w.WriteNumber("min_speed_km_s", o.MinSpeedMPerS / 1000);
        w.WriteNumber("max_speed_km_s", o.MaxSpeedMPerS / 1000);
        w.WriteNumber("step_km_s", o.SpeedQuantumMPerS / 1000);
        w.WriteNumber("coarse_step_km_s", o.CoarseStepMPerS / 1000);
        w.WriteBoolean("searched", o.Thresholds);
        w.WriteEndObject();
        w.WriteNumber("tracks_engageable", r.EngageableTracks);
        w.WriteNumber("tracks_engageable_ideal", r.EngageableTracksIdeal);
        w.WriteStartArray("tracks");
        foreach (DeterrentTrack t in r.Tracks)
        {
            w.WriteStartObject();
            w.WriteString("id", t.Flight.Threat.Id);
            w.WriteString("base", t.BaseId);
            w.WriteString("target", t.TargetId);
            w.WriteString("missile", t.MissileId);
            w.WriteNumber("impact_s", Rounding.Time(t.Flight.Solution.Trajectory.Final.TimeS));
            SensorJson.Timelines(w, t.Sensors.Sensors);
            w.WriteStartArray("batteries");
            foreach (DeterrentBattery b in t.Batteries)
            {
                w.WriteStartObject();
                w.WriteString("battery", b.BatteryId);
                w.WriteString("interceptor", b.InterceptorId);
                w.WriteString("site", b.PlaceId);
                w.WriteNumber("catalog_speed_km_s", Rounding.KmPerS(b.CatalogSpeedMPerS));
                w.WriteBoolean("can_intercept", b.CanIntercept);
                w.WriteTime("earliest_intercept_s", b.EarliestInterceptS);
                w.WriteSpeedKmS("threshold_speed_km_s", b.Threshold?.SpeedMPerS);
                w.WriteBoolean("threshold_at_or_below_min", b.Threshold?.AtOrBelowMinimum ?? false);
                w.WriteStartObject("ideal_sensors");
                w.WriteBoolean("can_intercept", b.CanInterceptIdeal);
                w.WriteTime("earliest_launch_s", b.IdealSensors.EarliestLaunchS);
                w.WriteTime("earliest_intercept_s", b.IdealSensors.First?.InterceptS);
                w.WriteTime("last_launch_s", b.IdealSensors.Last?.LaunchS);
                w.WriteEndObject();
                w.WriteStartArray("threshold_curve");
                foreach (ThresholdSpeed c in b.Curve)
                {
                    w.WriteStartObject();
                    w.WriteNumber("delay_s", c.DelayS);
                    w.WriteSpeedKmS("speed_km_s", c.SpeedMPerS);
                    w.WriteBoolean("at_or_below_min", c.AtOrBelowMinimum);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }, indented: true);
}
