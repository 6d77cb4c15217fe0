using System.Text.Json;
using Bulwark.Catalog;
using Bulwark.Raids;
using Bulwark.Engagement;

namespace Bulwark.Output.Json;

/// <summary>
/// The JSON of <c>bulwark raid</c> (DESIGN §7: <c>trials, seed, architectures[] {id, mean_leakers, p_zero_leakers,
/// p_zero_leakers_ci95, interceptors_used_mean}</c>, and the paired differences), rounded by <see cref="Rounding"/>.
/// </summary>
public static class RaidJson
{
    /// <summary>The firing doctrine's name as the outputs give it.</summary>
    public static string FiringName(FiringMode f) => f switch
    {
        FiringMode.ShootLookShoot => "shoot-look-shoot",
        FiringMode.Salvo => "salvo",
        _ => "adaptive",
    };

    public static string Write(Scenario s, RaidRunOptions o, IReadOnlyList<Architecture> archs, IReadOnlyList<(string Id, RaidResult Result)> results, IReadOnlyList<ArchitectureDifference> differences)
    {
        Raid raid = s.Raid!;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Name);
            w.WriteNumber("trials", o.Trials);
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("missiles", raid.Launches.Count);
            w.WriteString("firing", FiringName(raid.Firing));
            w.WriteNumber("launch_time_uncertainty_s", raid.LaunchTimeUncertaintyS);
            w.WriteNumber("sensor_delay_max_s", raid.SensorDelayMaxS);
            w.WriteStartArray("architectures");
            for (int a = 0; a < results.Count; a++)
            {
                var (id, r) = results[a];
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNumber("mean_leakers", Rounding.Estimate(r.MeanLeakers));
                w.WriteNumber("p_zero_leakers", Rounding.Estimate(r.PZeroLeakers));
                w.WriteStartArray("p_zero_leakers_ci95");
                w.WriteNumberValue(Rounding.Estimate(r.PZeroLeakersCi95.Low));
                w.WriteNumberValue(Rounding.Estimate(r.PZeroLeakersCi95.High));
                w.WriteEndArray();
                w.WriteNumber("interceptors_used_mean", Rounding.Estimate(r.InterceptorsUsedMean));
                w.WriteNumber("leakers_after_run_out_mean", Rounding.Estimate(r.LeakersAfterRunOutMean));
                w.WriteNumber("leakers_unengaged_mean", Rounding.Estimate(r.LeakersUnengagedMean));
                w.WriteStartObject("doctrine");
                w.WriteNumber("kill_assessment_s", archs[a].Doctrine.KillAssessmentS);
                w.WriteNumber("max_shots_per_threat", archs[a].Doctrine.MaxShotsPerThreat);
                w.WriteEndObject();
                w.WriteStartArray("leaker_distribution");
                foreach (long count in r.LeakerHistogram)
                {
                    w.WriteNumberValue(Rounding.Estimate((double)count / r.Trials));
                }

                w.WriteEndArray();
                w.WriteStartArray("batteries");
                foreach (BatteryResult b in r.Batteries)
                {
                    w.WriteStartObject();
                    w.WriteString("id", b.Id);
                    w.WriteNumber("inventory", b.Inventory);
                    w.WriteNumber("used_mean", Rounding.Estimate(b.UsedMean));
                    w.WriteNumber("left_mean", Rounding.Estimate(b.LeftMean));
                    w.WriteNumber("ran_out_fraction", Rounding.Estimate(b.RanOutFraction));
                    w.WriteTime("ran_out_mean_s", b.RanOutMeanS);
                    w.WriteTime("ran_out_earliest_s", b.RanOutEarliestS);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("targets");
                foreach (TargetResult x in r.Targets)
                {
                    w.WriteStartObject();
                    w.WriteString("id", x.Id);
                    w.WriteNumber("aimed_mean", Rounding.Estimate(x.AimedMean));
                    w.WriteNumber("leakers_mean", Rounding.Estimate(x.LeakersMean));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("missiles");
                foreach (MissileResult x in r.Missiles)
                {
                    w.WriteStartObject();
                    w.WriteString("label", x.Label);
                    w.WriteNumber("launch_s", Rounding.Time(x.LaunchS));
                    w.WriteNumber("p_leak", Rounding.Estimate(x.PLeak));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("inventory_over_time");
                w.WriteStartArray("t_s");
                foreach (double x in r.InventoryTimesS)
                {
                    w.WriteNumberValue(Rounding.Time(x));
                }

                w.WriteEndArray();
                foreach (var (b, i) in r.Batteries.Select((b, i) => (b, i)))
                {
                    w.WriteStartArray(b.Id);
                    foreach (double x in r.InventoryMean[i])
                    {
                        w.WriteNumberValue(Rounding.Estimate(x));
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("differences");
            foreach (ArchitectureDifference d in differences)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("baseline", d.Baseline);
                WriteDifference(w, "mean_leakers", d.Leakers);
                WriteDifference(w, "p_zero_leakers", d.PZeroLeakers);
                WriteDifference(w, "interceptors_used_mean", d.InterceptorsUsed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }

    private static void WriteDifference(Utf8JsonWriter w, string key, Difference d)
    {
        w.WriteStartObject(key);
        w.WriteNumber("mean", Rounding.Estimate(d.Mean));
        w.WriteStartArray("ci95");
        w.WriteNumberValue(Rounding.Estimate(d.Low));
        w.WriteNumberValue(Rounding.Estimate(d.High));
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
