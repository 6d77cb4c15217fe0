using System.CommandLine;
using System.Globalization;
using Bulwark.Caching;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Plots;
using Bulwark.Raids;
using Spectre.Console;
using Bulwark.Engagement;
using static Bulwark.Cli.Formatting;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark raid SCENARIO --trials N --seed S [--architectures A,B,…] [--threads T]</c>: the raid's Monte Carlo against
/// one architecture, or several on common random numbers with their differences from the first.
/// </summary>
internal static class RaidCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "a scenario file with a raid: section" };
        var trials = new Option<int>("--trials") { Description = "number of trials", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "the seed every random draw derives from", DefaultValueFactory = _ => 1 };
        var architectures = new Option<string?>("--architectures") { Description = "comma-separated architecture ids to compare on common random numbers (default: the scenario's); differences are against the first" };
        var threads = new Option<int>("--threads") { Description = "threads at most (default: all cores); the results do not depend on it", DefaultValueFactory = _ => -1 };
        var format = CommonOptions.Format();
        var outDir = CommonOptions.Out();
        var command = new Command("raid", "Raid Monte Carlo: leakers, P(zero leakers), interceptors spent and inventories, per architecture; paired differences.")
        {
            scenario, trials, seed, architectures, threads, format, outDir,
        };
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "raid");
            int n = parse.GetValue(trials);
            if (n is < 1 or > 10_000_000)
            {
                throw new InputException(null, null, null, "--trials", $"{n}: expected 1 to 10,000,000");
            }

            int t = parse.GetValue(threads);
            if (t == 0 || t < -1)
            {
                throw new InputException(null, null, null, "--threads", $"{t}: expected a positive number of threads");
            }

            string file = parse.GetValue(scenario)!;
            Scenario s = ScenarioLoader.Load(file, InputFiles.Read(file));
            if (s.Raid is null)
            {
                throw s.Missing("raid", "missing: `raid` needs a raid: section (docs/raids.md)");
            }

            var archs = Architectures(s, parse.GetValue(architectures));
            var options = new RaidRunOptions(n, parse.GetValue(seed), t);
            var results = Progress.Run(stderr, $"flying the raid's missiles, engaging them and running {n:N0} trials per architecture…", () =>
            {
                AnalysisContext context = new(s.Catalog, store: DiskStore.FromEnvironment());
                var flown = RaidSetup.Fly(context, s);
                return archs.Select(a => (a.Id, RaidSimulation.Run(RaidSetup.Problem(context, s, a, flown), options))).ToList();
            });
            var differences = ArchitectureDifference.Against(results);
            string json = RaidJson.Write(s, options, archs, results, differences);
            if (parse.GetValue(outDir) is { } dir)
            {
                var pngs = new Dictionary<string, byte[]> { ["leakers.png"] = RaidPlots.Leakers($"{s.Name}: leakers over {n:N0} trials", results) };
                foreach (var (id, r) in results)
                {
                    pngs[$"inventory-{id}.png"] = RaidPlots.Inventory($"{id}: interceptors left over the raid", r);
                }

                OutputDirectory.WriteAll(dir, new Dictionary<string, string> { ["raid.json"] = json }, pngs);
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(json);
            }
            else
            {
                Table(stdout, s, options, results, differences);
            }

            return Program.Success;
        });
        return command;
    }

    private static List<Architecture> Architectures(Scenario s, string? list)
    {
        if (list is null)
        {
            return s.Architecture is { } a ? [a] : throw s.Missing("architecture", "missing: `raid` needs an architecture (in the scenario or with --architectures)");
        }

        var ids = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0 || ids.Distinct().Count() != ids.Length)
        {
            throw new InputException(null, null, null, "--architectures", $"'{list}': expected distinct architecture ids separated by commas");
        }

        return [.. ids.Select(id => s.Architecture?.Id == id ? s.Architecture : s.Catalog.Architecture(id))];
    }

    private static void Table(TextWriter stdout, Scenario s, RaidRunOptions o, IReadOnlyList<(string Id, RaidResult Result)> results, IReadOnlyList<ArchitectureDifference> differences)
    {
        Raid raid = s.Raid!;
        stdout.WriteLine($"{s.Name}: {raid.Launches.Count} missiles, firing {RaidJson.FiringName(raid.Firing)}, {Count(o.Trials)} trials, seed {o.Seed}");
        var summary = new Table().Border(TableBorder.Simple);
        foreach (string c in new[] { "architecture", "mean leakers", "P(zero leakers)", "95% CI", "interceptors used", "leakers launched after a battery ran out", "leakers never engaged" })
        {
            summary.AddColumn(c);
        }

        foreach (var (id, r) in results)
        {
            summary.AddRow(Markup.Escape(id), F(r.MeanLeakers, 3), F(r.PZeroLeakers, 4), $"[[{F(r.PZeroLeakersCi95.Low, 4)}, {F(r.PZeroLeakersCi95.High, 4)}]]",
                F(r.InterceptorsUsedMean, 2), F(r.LeakersAfterRunOutMean, 3), F(r.LeakersUnengagedMean, 3));
        }

        Render.Table(stdout, summary);
        foreach (var (id, r) in results)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{id}: batteries");
            var batteries = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "battery", "inventory", "used (mean)", "left (mean)", "ran out (fraction of trials)", "ran out at (mean s)", "earliest (s)" })
            {
                batteries.AddColumn(c);
            }

            foreach (BatteryResult b in r.Batteries)
            {
                batteries.AddRow(Markup.Escape(b.Id), b.Inventory.ToString(CultureInfo.InvariantCulture), F(b.UsedMean, 2), F(b.LeftMean, 2), F(b.RanOutFraction, 4), Seconds(b.RanOutMeanS), Seconds(b.RanOutEarliestS));
            }

            Render.Table(stdout, batteries);
            stdout.WriteLine($"{id}: leakers per target: {string.Join(", ", r.Targets.Select(x => $"{x.Id} {F(x.LeakersMean, 3)} of {F(x.AimedMean, 2)}"))}");
        }

        if (differences.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Differences from {differences[0].Baseline} (paired trials, common random numbers; 95% CI)");
            var table = new Table().Border(TableBorder.Simple);
            foreach (string c in new[] { "architecture", "Δ mean leakers", "Δ P(zero leakers)", "Δ interceptors used" })
            {
                table.AddColumn(c);
            }

            foreach (ArchitectureDifference d in differences)
            {
                table.AddRow(Markup.Escape(d.Id), Diff(d.Leakers, 3), Diff(d.PZeroLeakers, 4), Diff(d.InterceptorsUsed, 2));
            }

            Render.Table(stdout, table);
        }
    }

    private static string Diff(Difference d, int decimals) => $"{F(d.Mean, decimals)} [[{F(d.Low, decimals)}, {F(d.High, decimals)}]]";
}
