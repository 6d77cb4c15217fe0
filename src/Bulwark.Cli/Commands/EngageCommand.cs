using System.CommandLine;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Numerics;
using Bulwark.Output;
using Bulwark.Output.Json;
using Spectre.Console;
using static Bulwark.Cli.Formatting;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark engage SCENARIO</c>: intercept opportunities per threat and battery, shots under the doctrine, kill probability.</summary>
internal static class EngageCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "a scenario file" };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();
        var command = new Command("engage", "Engagement opportunities per threat: which batteries can intercept, when, where, how often, with what kill probability.") { scenario, format, outDir };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "engage");

            string file = parse.GetValue(scenario)!;
            Scenario s = ScenarioInput.LoadWithArchitecture(file, "engage");

            AnalysisContext context = world.Context(parse, s.Catalog);
            var engagements = Progress.Run(stderr, $"flying {s.Threats.Count} threats and building reach tables…",
                () => context.SeeAndEngage(s.Architecture!, context.Fly(s.Threats, file: s.File)));
            string json = EngagementJson.Write(s, engagements);
            if (parse.GetValue(outDir) is { } dir)
            {
                var flyouts = Progress.Run(stderr, "flying the interceptors for the exports…", () => InterceptorPaths.All(context, s.Architecture!, engagements));
                var scene = EngagementExport.Scene(context, s, engagements, flyouts);
                OutputDirectory.WriteAll(dir, new Dictionary<string, string>
                {
                    ["engage.json"] = json,
                    ["engage.czml"] = scene.ToCzml(),
                    ["engage.kml"] = scene.ToKml(),
                    ["engage.geojson"] = scene.ToGeoJson(),
                });
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(json);
            }
            else
            {
                Table(stdout, s, engagements);
            }

            return Program.Success;
        });
        return command;
    }

    private static void Table(TextWriter stdout, Scenario s, IReadOnlyList<ThreatEngagement> engagements)
    {
        stdout.WriteLine($"{s.Name}: {s.Architecture!.Name}");
        foreach (ThreatEngagement e in engagements)
        {
            var f = e.Threat;
            stdout.WriteLine();
            stdout.WriteLine($"{f.Threat.Id}: {f.Missile.Name}, {f.Threat.FromId} → {f.Threat.ToId}, impact {Seconds(f.Solution.Trajectory.Final.TimeS)} s — shots possible {e.ShotsPossible}, p_kill {F(e.PKill, 3)}");
            var table = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "interceptor", "earliest launch (s)", "first intercept (s)", "last intercept (s)", "shots", "launch → intercept (s)", "intercept alt (km)", "closing (km/s)" })
            {
                table.AddColumn(c);
            }

            foreach (BatteryEngagement b in e.Batteries)
            {
                string shots = string.Join(", ", b.Shots.Select(x => $"{F(x.LaunchS, 0)}→{F(x.InterceptS, 0)}"));
                table.AddRow(Markup.Escape(b.BatteryId), Markup.Escape(b.InterceptorId), Seconds(b.EarliestLaunchS), Seconds(b.First?.InterceptS), Seconds(b.Last?.InterceptS),
                    b.Shots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), shots.Length == 0 ? "—" : shots,
                    b.First is { } x ? F(x.Point.HeightM / 1000, 0) : "—", b.First is { } y ? F(y.ClosingSpeedMPerS / 1000, 2) : "—");
            }

            Render.Table(stdout, table);
        }
    }
}
