using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Output;
using Bulwark.Output.Maps;
using Bulwark.Output.Plots;
using Bulwark.Sensing;
using Spectre.Console;
using Bulwark.Engagement;
using Bulwark.Analysis;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark deterrent --architecture ID</c>: Russian ICBM tracks toward the US against the architecture's batteries, and threshold speeds.</summary>
internal static class DeterrentCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var architecture = new Option<string>("--architecture") { Description = "a catalog architecture id (bulwark catalog architectures)", Required = true };
        var bases = new Option<string?>("--bases") { Description = "ICBM bases, comma-separated catalog place ids (default: those of the russia-to-us threat set)" };
        var targets = new Option<string?>("--targets") { Description = "US targets, comma-separated catalog place ids (with --bases or alone: every base × every target)" };
        var noThresholds = new Option<bool>("--no-thresholds") { Description = "skip the threshold-speed search (the costly part)" };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();
        var command = new Command("deterrent", "Russian ICBM tracks toward the US: what the radars see, which batteries can intercept (real and ideal sensors), and the threshold burnout speed against launch delay.")
        {
            architecture, bases, targets, noThresholds, format, outDir,
        };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "deterrent");
            var catalog = BulwarkCatalog.BuiltIn;
            AnalysisContext context = world.Context(parse, catalog);
            string id = parse.GetValue(architecture)!;
            Architecture arch = catalog.Architecture(id);
            var threats = DeterrentAnalysis.Tracks(catalog, List(parse.GetValue(bases)), List(parse.GetValue(targets)));
            var options = DeterrentOptions.Default with { Threats = threats, Thresholds = !parse.GetValue(noThresholds) };
            DeterrentResult result = Progress.Run(stderr, $"deterrent: {arch.Id} against {threats.Count} ICBM tracks…", () => DeterrentAnalysis.Run(context, arch, options));
            string json = Json(result);
            if (parse.GetValue(outDir) is { } dir)
            {
                var png = new Dictionary<string, byte[]> { ["deterrent-map.png"] = DeterrentMap.Render(result, p => catalog.Place(p).Position) };
                if (options.Thresholds)
                {
                    png["deterrent-thresholds.png"] = ThresholdPlot.Render(result);
                }

                OutputDirectory.WriteAll(dir, new Dictionary<string, string> { ["deterrent.json"] = json }, png);
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(json);
            }
            else
            {
                Table(stdout, result);
            }

            return Program.Success;
        });
        return command;
    }

    private static List<string>? List(string? value) =>
        value is null ? null : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string T(double? t) => t is { } x ? FlyCommand.F(x, 0) : "—";

    private static string V(ThresholdSpeed? s) => s is { SpeedMPerS: { } v } x ? (x.AtOrBelowMinimum ? "≤" : "") + FlyCommand.F(v / 1000, 1) : s is null ? "—" : "none";

    private static void Table(TextWriter stdout, DeterrentResult r)
    {
        stdout.WriteLine($"{r.Architecture.Name}: Russian ICBM tracks toward the US");
        stdout.WriteLine($"engageable with the real sensors: {r.EngageableTracks} of {r.Tracks.Count} tracks; with ideal sensors (fire control at the ICBM's launch, guidance everywhere): {r.EngageableTracksIdeal}");
        foreach (DeterrentTrack t in r.Tracks)
        {
            stdout.WriteLine();
            string seen = string.Join(", ", t.Sensors.Sensors.Where(s => s.FirstDetectS is not null).Select(s => $"{s.SensorId} {T(s.FirstDetectS)} s" + (s.FireControlS is { } fc ? $" (fire control {T(fc)} s)" : "")));
            stdout.WriteLine($"{t.Flight.Threat.Id}: {t.Flight.Missile.Name}, {t.BaseId} → {t.TargetId}, impact {T(t.Flight.Solution.Trajectory.Final.TimeS)} s; detected by: {(seen.Length == 0 ? "none" : seen)}");
            var table = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "interceptor", "catalog (km/s)", "can intercept", "earliest intercept (s)", "ideal: can", "ideal: earliest (s)", "threshold (km/s)", "threshold vs delay (s: km/s)" })
            {
                table.AddColumn(c);
            }

            foreach (DeterrentBattery b in t.Batteries)
            {
                string curve = string.Join(" ", b.Curve.Select(c => $"{FlyCommand.F(c.DelayS, 0)}:{V(c)}"));
                table.AddRow(Markup.Escape(b.BatteryId), Markup.Escape(b.InterceptorId), FlyCommand.F(b.CatalogSpeedMPerS / 1000, 1), b.CanIntercept ? "yes" : "no",
                    T(b.EarliestInterceptS), b.CanInterceptIdeal ? "yes" : "no", T(b.IdealSensors.First?.InterceptS), Markup.Escape(V(b.Threshold)), Markup.Escape(curve.Length == 0 ? "—" : curve));
            }

            Render.Table(stdout, table);
        }

        stdout.WriteLine();
        stdout.WriteLine("threshold: the lowest burnout speed (0.1 km/s grid, 3–10 km/s) at which an interceptor at the battery's site, launched at the");
        stdout.WriteLine("ideal-sensor time (the interceptor's reaction time after the ICBM's launch) or later, intercepts within its altitude limits.");
    }

    private static void Speed(Utf8JsonWriter w, string key, ThresholdSpeed? s)
    {
        if (s is { SpeedMPerS: { } v })
        {
            w.WriteNumber(key, Math.Round(v / 1000, 3));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static string Json(DeterrentResult r) => JsonText.Write(w =>
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
            w.WriteNumber("impact_s", Math.Round(t.Flight.Solution.Trajectory.Final.TimeS, 2));
            w.WriteStartArray("sensors");
            foreach (SensorTimeline s in t.Sensors.Sensors)
            {
                w.WriteStartObject();
                w.WriteString("sensor", s.SensorId);
                ScenarioInput.Time(w, "first_visible_s", s.FirstVisibleS, 2);
                ScenarioInput.Time(w, "first_detect_s", s.FirstDetectS, 2);
                ScenarioInput.Time(w, "firm_track_s", s.FirmTrackS, 2);
                ScenarioInput.Time(w, "fire_control_s", s.FireControlS, 2);
                ScenarioInput.Time(w, "last_track_s", s.LastTrackS, 2);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("batteries");
            foreach (DeterrentBattery b in t.Batteries)
            {
                w.WriteStartObject();
                w.WriteString("battery", b.BatteryId);
                w.WriteString("interceptor", b.InterceptorId);
                w.WriteString("site", b.PlaceId);
                w.WriteNumber("catalog_speed_km_s", Math.Round(b.CatalogSpeedMPerS / 1000, 3));
                w.WriteBoolean("can_intercept", b.CanIntercept);
                ScenarioInput.Time(w, "earliest_intercept_s", b.EarliestInterceptS, 2);
                Speed(w, "threshold_speed_km_s", b.Threshold);
                w.WriteBoolean("threshold_at_or_below_min", b.Threshold?.AtOrBelowMinimum ?? false);
                w.WriteStartObject("ideal_sensors");
                w.WriteBoolean("can_intercept", b.CanInterceptIdeal);
                ScenarioInput.Time(w, "earliest_launch_s", b.IdealSensors.EarliestLaunchS, 2);
                ScenarioInput.Time(w, "earliest_intercept_s", b.IdealSensors.First?.InterceptS, 2);
                ScenarioInput.Time(w, "last_launch_s", b.IdealSensors.Last?.LaunchS, 2);
                w.WriteEndObject();
                w.WriteStartArray("threshold_curve");
                foreach (ThresholdSpeed c in b.Curve)
                {
                    w.WriteStartObject();
                    w.WriteNumber("delay_s", c.DelayS);
                    Speed(w, "speed_km_s", c);
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
