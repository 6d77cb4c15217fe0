using System.CommandLine;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Output.Scenes;
using Bulwark.Server;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark serve [--port P] [--host H]</c>: the offline 3-D viewer (docs/viewer.md) until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "the port to listen on (0: any free port)", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "the address to bind (127.0.0.1: this machine only)", DefaultValueFactory = _ => "127.0.0.1" };
        var scenarios = new Option<string?>("--scenarios") { Description = "a folder of scenario files to offer (default: the repository's scenarios/)" };
        var command = new Command("serve", "Serve the offline 3-D viewer: sites, coverage, trajectories, fly-outs and intercepts on a CesiumJS globe.") { port, host, scenarios };
        command.SetAction(parse =>
        {
            // The footprint overlay: the scenario's architecture against its first threat's missile and launch place, over
            // NATO Europe on a coarse grid (the server keeps it per architecture, missile and launch place).
            if (parse.GetValue(scenarios) is { } dir && !Directory.Exists(dir))
            {
                throw new InputException(null, null, null, "--scenarios", $"'{dir}' is not a folder; expected a folder of scenario files");
            }

            var options = new ViewerOptions
            {
                Port = parse.GetValue(port), Host = parse.GetValue(host)!, ScenariosDir = parse.GetValue(scenarios), Store = Bulwark.Caching.DiskStore.FromEnvironment(),
                Footprint = (context, s) => FootprintScene.Of(Footprints.OfScenario(context, s)),
            };
            ViewerServer.Serve(options, stderr, url =>
            {
                stdout.WriteLine($"Bulwark viewer at {url}/ (Ctrl+C to stop)");
                stdout.Flush();
            });
            return Program.Success;
        });
        return command;
    }
}
