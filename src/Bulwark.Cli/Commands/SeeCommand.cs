using System.Globalization;
using System.CommandLine;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Maps;
using Bulwark.Output.Scenes;
using Bulwark.Sensing;
using Spectre.Console;
using static Bulwark.Cli.Formatting;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark see SCENARIO</c>: sensor timelines per threat, and when each battery is cued and holds a fire-control track.</summary>
internal static class SeeCommand
{
    /// <summary>The highest target altitude of the coverage maps, km.</summary>
    public const double MaxCoverageAltitudeKm = 10_000;

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

            double coverageKm = parse.GetValue(altitude);
            if (!(coverageKm >= 0 && coverageKm <= MaxCoverageAltitudeKm))
            {
                throw new InputException(null, null, null, "--coverage-altitude-km",
                    string.Create(CultureInfo.InvariantCulture, $"{coverageKm} is out of range; expected a target altitude in km from 0 to {MaxCoverageAltitudeKm:N0}"));
            }

            string file = parse.GetValue(scenario)!;
            Scenario s = ScenarioInput.LoadWithArchitecture(file, "see");

            double k = parse.GetValue(noRefraction) ? 1 : RadarHorizon.StandardRefraction;
            AnalysisContext context = world.Context(parse, s.Catalog, new SensorOptions(k));
            var pictures = Progress.Run(stderr, $"flying {s.Threats.Count} threats…", () => context.See(s.Architecture!, context.Fly(s.Threats, file: s.File)));
            string json = SensorJson.Write(s, pictures);
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

    private static void Table(TextWriter stdout, Scenario s, IReadOnlyList<ThreatPicture> pictures)
    {
        stdout.WriteLine($"{s.Name}: {s.Architecture!.Name}");
        foreach (ThreatPicture p in pictures)
        {
            var f = p.Threat;
            stdout.WriteLine();
            stdout.WriteLine($"{f.Threat.Id}: {f.Missile.Name}, {f.Threat.FromId} → {f.Threat.ToId}, burnout {Seconds(f.Track.BurnoutTimeS)} s, impact {Seconds(f.Solution.Trajectory.Final.TimeS)} s");
            var sensors = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "sensor", "visible (s)", "detect (s)", "firm track (s)", "fire control (s)", "last track (s)" })
            {
                sensors.AddColumn(new TableColumn(c).RightAligned());
            }

            foreach (SensorTimeline t in p.Sensors)
            {
                sensors.AddRow(Markup.Escape(t.SensorId), Seconds(t.FirstVisibleS), Seconds(t.FirstDetectS), Seconds(t.FirmTrackS), t.FireControlCapable ? Seconds(t.FireControlS) : "(cue only)", Seconds(t.LastTrackS));
            }

            Render.Table(stdout, sensors);
            var batteries = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "cue (s)", "cue from", "fire control (s)", "fire-control path" })
            {
                batteries.AddColumn(c);
            }

            foreach (BatteryPicture b in p.Batteries)
            {
                batteries.AddRow(Markup.Escape(b.BatteryId), Seconds(b.CueS), Markup.Escape(b.CueSensor ?? "—"), Seconds(b.FireControlS), Markup.Escape(b.FireControlPath ?? "—"));
            }

            Render.Table(stdout, batteries);
        }
    }
}
