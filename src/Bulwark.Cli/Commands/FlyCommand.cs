using System.CommandLine;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Maps;
using Bulwark.Catalog.Reading;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark fly FLIGHT.yaml</c> and <c>bulwark fly --missile M --from PLACE --to PLACE</c>.</summary>
internal static class FlyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var flight = new Argument<string?>("FLIGHT") { Description = "a flight file (YAML): a point mass flown from an initial state", Arity = ArgumentArity.ZeroOrOne };
        var missile = new Option<string?>("--missile") { Description = "a catalog missile id (bulwark catalog missiles) or a missile file (YAML) to fly to a target" };
        var from = new Option<string?>("--from") { Description = "launch place: a catalog place id or LAT,LON in degrees" };
        var to = new Option<string?>("--to") { Description = "aim place: a catalog place id or LAT,LON in degrees" };
        var shape = new Option<string>("--shape") { Description = "minimum-energy (default), lofted or depressed", DefaultValueFactory = _ => "minimum-energy" };
        var apogee = new Option<double?>("--apogee-km") { Description = "for --shape lofted: the apogee to reach, km" };
        var step = new Option<double?>("--step-s") { Description = "output step of the trajectory, s (default: the file's, or 10 s for a targeted flight)" };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();

        var command = new Command("fly", "Propagate a vehicle from an initial state, or fly a missile to a target.")
        {
            flight, missile, from, to, shape, apogee, step, format, outDir,
        };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = CommonOptions.ParseFormat(parse.GetValue(format)!);
            string? file = parse.GetValue(flight);
            string? missileFile = parse.GetValue(missile);
            if (file is not null && missileFile is not null)
            {
                throw new InputException(null, null, null, "--missile", "give either a flight file or --missile with --from and --to, not both");
            }

            if (file is not null)
            {
                FlightFileRun(file, parse.GetValue(step), environment => world.Environment(parse, environment), fmt, parse.GetValue(outDir), stdout);
                return Program.Success;
            }

            if (missileFile is null)
            {
                throw new InputException(null, null, null, null, "nothing to fly: give a flight file, or --missile FILE --from PLACE --to PLACE");
            }

            string fromValue = parse.GetValue(from) ?? throw new InputException(null, null, null, "--from", "missing; expected the launch place LAT,LON");
            string toValue = parse.GetValue(to) ?? throw new InputException(null, null, null, "--to", "missing; expected the aim place LAT,LON");
            var request = new TargetingRequest(
                Places.Parse("--from", fromValue),
                Places.Parse("--to", toValue),
                ParseShape(parse.GetValue(shape)!),
                ParseApogee(parse.GetValue(apogee), parse.GetValue(shape)!));
            FlightEnvironment environment = world.Environment(parse);
            IGuidedMissile m = MissileResolver.Resolve(missileFile);
            TargetedRun(environment, m, request, parse.GetValue(step) ?? 10, fmt, parse.GetValue(outDir), stdout, stderr);
            return Program.Success;
        });
        return command;
    }

    private static TrajectoryShape ParseShape(string value) => TrajectoryShapeNames.Parse(value)
        ?? throw new InputException(null, null, null, "--shape", $"unknown shape '{value}'; expected minimum-energy, lofted or depressed");

    private static double? ParseApogee(double? km, string shape)
    {
        if (km is null)
        {
            return null;
        }

        if (shape != "lofted")
        {
            throw new InputException(null, null, null, "--apogee-km", "applies only to --shape lofted");
        }

        if (!(km > 0 && km < 100_000))
        {
            throw new InputException(null, null, null, "--apogee-km", "expected an apogee in km greater than 0");
        }

        return km * 1000;
    }

    private static void FlightFileRun(string path, double? step, Func<FlightEnvironment, FlightEnvironment> world, OutputFormat format, string? outDir, TextWriter stdout)
    {
        FlightFile flightFile = FlightFile.Parse(path, InputFiles.Read(path), value => MissileResolver.Resolve(value));
        if (step is { } s)
        {
            if (!(s > 0))
            {
                throw new InputException(null, null, null, "--step-s", "expected an output step in seconds greater than 0");
            }

            flightFile = flightFile with { Options = flightFile.Options with { OutputStepS = s }, StepNode = null };
        }

        flightFile = flightFile with { Environment = world(flightFile.Environment) };
        Trajectory trajectory = flightFile.Fly();
        var points = TrajectoryPoint.From(flightFile.Environment, trajectory.Samples);
        WriteFiles(outDir, points, Path.GetFileNameWithoutExtension(path), null);
        switch (format)
        {
            case OutputFormat.Csv:
                stdout.Write(TrajectoryCsv.Write(points));
                break;
            case OutputFormat.Json:
                stdout.Write(FlightJson.Propagation(flightFile.Environment, trajectory, points));
                break;
            default:
                FlyTable.Propagation(stdout, trajectory, points);
                break;
        }
    }

    private static void TargetedRun(FlightEnvironment environment, IGuidedMissile missile, TargetingRequest request, double step, OutputFormat format, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        if (!(step > 0))
        {
            throw new InputException(null, null, null, "--step-s", "expected an output step in seconds greater than 0");
        }

        TargetingSolution solution = Progress.Run(stderr, $"targeting {missile.Name}…", () => new Targeter(environment).Solve(missile, request, step));
        var points = TrajectoryPoint.From(environment, solution.Trajectory.Samples);
        string summary = FlightJson.Targeted(environment, solution);
        WriteFiles(outDir, points, missile.Name, summary);
        switch (format)
        {
            case OutputFormat.Csv:
                stdout.Write(TrajectoryCsv.Write(points));
                break;
            case OutputFormat.Json:
                stdout.Write(summary);
                break;
            default:
                FlyTable.Targeted(stdout, environment, solution);
                break;
        }
    }

    private static void WriteFiles(string? outDir, IReadOnlyList<TrajectoryPoint> points, string name, string? summaryJson)
    {
        if (outDir is null)
        {
            return;
        }

        var scene = TrajectoryScene.Of(points, "trajectory", name);
        var files = new Dictionary<string, string>
        {
            ["trajectory.csv"] = TrajectoryCsv.Write(points),
            ["trajectory.geojson"] = scene.ToGeoJson(),
            ["trajectory.czml"] = scene.ToCzml(),
            ["trajectory.kml"] = scene.ToKml(),
        };
        if (summaryJson is not null)
        {
            files["summary.json"] = summaryJson;
        }

        var track = points.Select(p => (TrajectoryGeoJson.NormalizeLongitude(p.Position.LongitudeDeg), p.Position.LatitudeDeg)).ToList();
        byte[] png = ResultMaps.Render(name, [], [new MapItem(name, track)],
            track.Count > 0 ? [new MapItem("launch", [track[0]]), new MapItem("end", [track[^1]])] : []);
        OutputDirectory.WriteAll(outDir, files, new Dictionary<string, byte[]> { ["trajectory.png"] = png });
    }
}
