using System.CommandLine;
using System.Text;
using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Output;
using Bulwark.Output.Maps;
using Bulwark.Output.Scenes;
using Bulwark.Sensing;
using Spectre.Console;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark see SCENARIO</c>: sensor timelines per threat, and when each battery is cued and holds a fire-control track.</summary>
internal static class SeeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "a scenario file" };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();
        var altitude = new Option<double>("--coverage-altitude-km") { Description = "target altitude of the coverage maps written with --out, km", DefaultValueFactory = _ => 100 };
        var noRefraction = new Option<bool>("--no-refraction") { Description = "geometric line of sight (k = 1) instead of the 4/3-Earth standard refraction" };
        var command = new Command("see", "Sensor timelines per threat: who sees what, when; and when each battery can fire.") { scenario, format, outDir, altitude, noRefraction };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "see");

            string file = parse.GetValue(scenario)!;
            Scenario s = ScenarioInput.LoadWithArchitecture(file, "see");

            double k = parse.GetValue(noRefraction) ? 1 : RadarHorizon.StandardRefraction;
            AnalysisContext context = world.Context(parse, s.Catalog, new SensorOptions(k));
            var pictures = Progress.Run(stderr, $"flying {s.Threats.Count} threats…", () => context.See(s.Architecture!, context.Fly(s.Threats)));
            string json = Json(s, pictures);
            if (parse.GetValue(outDir) is { } dir)
            {
                double altKm = parse.GetValue(altitude);
                var radars = SensorPicture.Deploy(context, s.Architecture!).Where(d => d.Radar is not null).ToList();
                var areas = radars.Select(d => (d.Node.Id, d.Spec.Name, altKm, Coverage.Ring(d.Radar!, altKm * 1000))).ToList();
                var scene = SensorScene.Of(context, s, pictures, altKm * 1000);
                var files = new Dictionary<string, string>
                {
                    ["see.json"] = json,
                    ["coverage.geojson"] = CoverageGeoJson.Write(areas),
                    ["see.czml"] = scene.ToCzml(),
                    ["see.kml"] = scene.ToKml(),
                    ["see.geojson"] = scene.ToGeoJson(),
                };
                byte[] png = ResultMaps.Render(
                    $"{s.Name}: radar coverage at {altKm:0} km",
                    [.. areas.Select(a => new MapItem(a.Item1, a.Item4))],
                    [.. pictures.Select(p => new MapItem(p.Threat.Threat.Id, GroundTrack(p.Threat.Track)))],
                    [.. radars.Select(d => new MapItem(d.Node.Id, [(d.Radar!.Site.LongitudeDeg, d.Radar.Site.LatitudeDeg)]))]);
                OutputDirectory.WriteAll(dir, files, new Dictionary<string, byte[]> { ["coverage.png"] = png });
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(json);
            }
            else
            {
                Table(stdout, s, pictures);
            }

            return Program.Success;
        });
        return command;
    }

    private static IReadOnlyList<(double LonDeg, double LatDeg)> GroundTrack(ThreatTrack track) =>
        [.. track.Points.Where((_, i) => i % 10 == 0).Select(p => Earth.Ellipsoid.Wgs84.ToGeodetic(p.EcefM)).Select(g => (g.LongitudeDeg, g.LatitudeDeg))];

    private static string T(double? t) => t is { } x ? FlyCommand.F(x, 0) : "—";

    private static void Table(TextWriter stdout, Scenario s, IReadOnlyList<ThreatPicture> pictures)
    {
        stdout.WriteLine($"{s.Name}: {s.Architecture!.Name}");
        foreach (ThreatPicture p in pictures)
        {
            var f = p.Threat;
            stdout.WriteLine();
            stdout.WriteLine($"{f.Threat.Id}: {f.Missile.Name}, {f.Threat.FromId} → {f.Threat.ToId}, burnout {T(f.Track.BurnoutTimeS)} s, impact {T(f.Solution.Trajectory.Final.TimeS)} s");
            var sensors = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "sensor", "visible (s)", "detect (s)", "firm track (s)", "fire control (s)", "last track (s)" })
            {
                sensors.AddColumn(new TableColumn(c).RightAligned());
            }

            foreach (SensorTimeline t in p.Sensors)
            {
                sensors.AddRow(Markup.Escape(t.SensorId), T(t.FirstVisibleS), T(t.FirstDetectS), T(t.FirmTrackS), t.FireControlCapable ? T(t.FireControlS) : "(cue only)", T(t.LastTrackS));
            }

            Render.Table(stdout, sensors);
            var batteries = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "cue (s)", "cue from", "fire control (s)", "fire-control path" })
            {
                batteries.AddColumn(c);
            }

            foreach (BatteryPicture b in p.Batteries)
            {
                batteries.AddRow(Markup.Escape(b.BatteryId), T(b.CueS), Markup.Escape(b.CueSensor ?? "—"), T(b.FireControlS), Markup.Escape(b.FireControlPath ?? "—"));
            }

            Render.Table(stdout, batteries);
        }
    }

    private static string Json(Scenario s, IReadOnlyList<ThreatPicture> pictures)
    {
        return JsonText.Write(w =>
        {
            void Time(string key, double? t) => ScenarioInput.Time(w, key, t);

            w.WriteStartObject();
            w.WriteString("scenario", s.Name);
            w.WriteString("architecture", s.Architecture!.Id);
            w.WriteStartArray("threats");
            foreach (ThreatPicture p in pictures)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Threat.Threat.Id);
                w.WriteString("missile", p.Threat.Threat.MissileId);
                w.WriteString("from", p.Threat.Threat.FromId);
                w.WriteString("to", p.Threat.Threat.ToId);
                Time("burnout_s", p.Threat.Track.BurnoutTimeS);
                Time("impact_s", p.Threat.Solution.Trajectory.Final.TimeS);
                w.WriteStartArray("sensors");
                foreach (SensorTimeline t in p.Sensors)
                {
                    w.WriteStartObject();
                    w.WriteString("sensor", t.SensorId);
                    Time("first_visible_s", t.FirstVisibleS);
                    Time("first_detect_s", t.FirstDetectS);
                    Time("firm_track_s", t.FirmTrackS);
                    Time("fire_control_s", t.FireControlS);
                    Time("last_track_s", t.LastTrackS);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("batteries");
                foreach (BatteryPicture b in p.Batteries)
                {
                    w.WriteStartObject();
                    w.WriteString("battery", b.BatteryId);
                    Time("cue_s", b.CueS);
                    w.WriteString("cue_sensor", b.CueSensor);
                    w.WriteString("cue_path", b.CuePath);
                    Time("fire_control_s", b.FireControlS);
                    w.WriteString("fire_control_sensor", b.FireControlSensor);
                    w.WriteString("fire_control_path", b.FireControlPath);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }
}
