using System.CommandLine;
using System.Text;
using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Numerics;
using Bulwark.Output;
using Spectre.Console;

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
                () => context.SeeAndEngage(s.Architecture!, context.Fly(s.Threats)));
            string json = Json(s, engagements);
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

    private static string T(double? t) => t is { } x ? FlyCommand.F(x, 0) : "—";

    private static void Table(TextWriter stdout, Scenario s, IReadOnlyList<ThreatEngagement> engagements)
    {
        stdout.WriteLine($"{s.Name}: {s.Architecture!.Name}");
        foreach (ThreatEngagement e in engagements)
        {
            var f = e.Threat;
            stdout.WriteLine();
            stdout.WriteLine($"{f.Threat.Id}: {f.Missile.Name}, {f.Threat.FromId} → {f.Threat.ToId}, impact {T(f.Solution.Trajectory.Final.TimeS)} s — shots possible {e.ShotsPossible}, p_kill {FlyCommand.F(e.PKill, 3)}");
            var table = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "interceptor", "earliest launch (s)", "first intercept (s)", "last intercept (s)", "shots", "launch → intercept (s)", "intercept alt (km)", "closing (km/s)" })
            {
                table.AddColumn(c);
            }

            foreach (BatteryEngagement b in e.Batteries)
            {
                string shots = string.Join(", ", b.Shots.Select(x => $"{FlyCommand.F(x.LaunchS, 0)}→{FlyCommand.F(x.InterceptS, 0)}"));
                table.AddRow(Markup.Escape(b.BatteryId), Markup.Escape(b.InterceptorId), T(b.EarliestLaunchS), T(b.First?.InterceptS), T(b.Last?.InterceptS),
                    b.Shots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), shots.Length == 0 ? "—" : shots,
                    b.First is { } x ? FlyCommand.F(x.Point.HeightM / 1000, 0) : "—", b.First is { } y ? FlyCommand.F(y.ClosingSpeedMPerS / 1000, 2) : "—");
            }

            Render.Table(stdout, table);
        }
    }

    private static string Json(Scenario s, IReadOnlyList<ThreatEngagement> engagements)
    {
        return JsonText.Write(w =>
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
                w.WriteNumber("impact_s", Math.Round(e.Threat.Solution.Trajectory.Final.TimeS, 2));
                w.WriteStartArray("opportunities");
                foreach (BatteryEngagement b in e.Batteries)
                {
                    foreach (Shot shot in b.Shots)
                    {
                        w.WriteStartObject();
                        w.WriteString("battery", b.BatteryId);
                        w.WriteString("interceptor", b.InterceptorId);
                        w.WriteNumber("launch_s", Math.Round(shot.LaunchS, 2));
                        w.WriteNumber("intercept_s", Math.Round(shot.InterceptS, 2));
                        w.WriteStartObject("intercept");
                        w.WriteNumber("lat_deg", Math.Round(shot.Point.LatitudeDeg, 5));
                        w.WriteNumber("lon_deg", Math.Round(shot.Point.LongitudeDeg, 5));
                        w.WriteNumber("alt_km", Math.Round(shot.Point.HeightM / 1000, 3));
                        w.WriteEndObject();
                        w.WriteNumber("closing_speed_km_s", Math.Round(shot.ClosingSpeedMPerS / 1000, 3));
                        w.WriteNumber("crossing_angle_deg", Math.Round(Angle.RadToDeg(shot.CrossingAngleRad), 2));
                        w.WriteNumber("interceptors", shot.Interceptors);
                        w.WriteEndObject();
                    }
                }

                w.WriteEndArray();
                w.WriteStartArray("batteries");
                foreach (BatteryEngagement b in e.Batteries)
                {
                    w.WriteStartObject();
                    w.WriteString("battery", b.BatteryId);
                    w.WriteString("interceptor", b.InterceptorId);
                    ScenarioInput.Time(w, "earliest_launch_s", b.EarliestLaunchS, 2);
                    ScenarioInput.Time(w, "first_intercept_s", b.First?.InterceptS, 2);
                    ScenarioInput.Time(w, "last_intercept_s", b.Last?.InterceptS, 2);
                    w.WriteNumber("shots", b.Shots.Count);
                    w.WriteNumber("interceptors_fired", b.InterceptorsFired);
                    w.WriteNumber("p_kill", Math.Round(b.PKill, 4));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("shots_possible", e.ShotsPossible);
                w.WriteNumber("p_kill", Math.Round(e.PKill, 4));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }

}
