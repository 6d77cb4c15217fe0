using System.CommandLine;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Maps;
using Bulwark.Output.Plots;
using Bulwark.Sensing;
using Spectre.Console;
using Bulwark.Engagement;
using Bulwark.Analysis;
using static Bulwark.Cli.Formatting;
using Bulwark.Catalog.Studies;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark deterrent --architecture ID</c>: Russian ICBM tracks toward the US against the architecture's batteries, and threshold speeds.</summary>
internal static class DeterrentCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var architecture = CommonOptions.Architecture();
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
            string json = DeterrentJson.Write(result);
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

    private static string V(ThresholdSpeed? s) => s is { SpeedMPerS: { } v } x ? (x.AtOrBelowMinimum ? "≤" : "") + F(v / 1000, 1) : s is null ? "—" : "none";

    private static void Table(TextWriter stdout, DeterrentResult r)
    {
        stdout.WriteLine($"{r.Architecture.Name}: Russian ICBM tracks toward the US");
        stdout.WriteLine($"engageable with the real sensors: {r.EngageableTracks} of {r.Tracks.Count} tracks; with ideal sensors (fire control at the ICBM's launch, guidance everywhere): {r.EngageableTracksIdeal}");
        foreach (DeterrentTrack t in r.Tracks)
        {
            stdout.WriteLine();
            string seen = string.Join(", ", t.Sensors.Sensors.Where(s => s.FirstDetectS is not null).Select(s => $"{s.SensorId} {Seconds(s.FirstDetectS)} s" + (s.FireControlS is { } fc ? $" (fire control {Seconds(fc)} s)" : "")));
            stdout.WriteLine($"{t.Flight.Threat.Id}: {t.Flight.Missile.Name}, {t.BaseId} → {t.TargetId}, impact {Seconds(t.Flight.Solution.Trajectory.Final.TimeS)} s; detected by: {(seen.Length == 0 ? "none" : seen)}");
            var table = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "interceptor", "catalog (km/s)", "can intercept", "earliest intercept (s)", "ideal: can", "ideal: earliest (s)", "threshold (km/s)", "threshold vs delay (s: km/s)" })
            {
                table.AddColumn(c);
            }

            foreach (DeterrentBattery b in t.Batteries)
            {
                string curve = string.Join(" ", b.Curve.Select(c => $"{F(c.DelayS, 0)}:{V(c)}"));
                table.AddRow(Markup.Escape(b.BatteryId), Markup.Escape(b.InterceptorId), F(b.CatalogSpeedMPerS / 1000, 1), b.CanIntercept ? "yes" : "no",
                    Seconds(b.EarliestInterceptS), b.CanInterceptIdeal ? "yes" : "no", Seconds(b.IdealSensors.First?.InterceptS), Markup.Escape(V(b.Threshold)), Markup.Escape(curve.Length == 0 ? "—" : curve));
            }

            Render.Table(stdout, table);
        }

        stdout.WriteLine();
        stdout.WriteLine("threshold: the lowest burnout speed (0.1 km/s grid, 3–10 km/s) at which an interceptor at the battery's site, launched at the");
        stdout.WriteLine("ideal-sensor time (the interceptor's reaction time after the ICBM's launch) or later, intercepts within its altitude limits.");
    }
}
