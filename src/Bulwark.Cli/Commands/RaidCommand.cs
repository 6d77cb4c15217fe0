using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Output;
using Bulwark.Output.Plots;
using Bulwark.Raids;
using Spectre.Console;
using Bulwark.Engagement;

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
            Scenario s = ScenarioLoader.Load(file, FlyCommand.ReadFile(file));
            if (s.Raid is null)
            {
                throw new InputException(file, null, null, "raid", "missing: `raid` needs a raid: section (docs/raids.md)");
            }

            var archs = Architectures(s, parse.GetValue(architectures));
            var options = new RaidRunOptions(n, parse.GetValue(seed), t);
            var results = Progress.Run(stderr, $"flying the raid's missiles, engaging them and running {n:N0} trials per architecture…", () =>
            {
                AnalysisContext context = new(s.Catalog);
                var flown = RaidSetup.Fly(context, s);
                return archs.Select(a => (a.Id, RaidSimulation.Run(RaidSetup.Problem(context, s, a, flown), options))).ToList();
            });
            var differences = ArchitectureDifference.Against(results);
            string json = Json(s, options, archs, results, differences);
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
            return s.Architecture is { } a ? [a] : throw new InputException(s.File, null, null, "architecture", "missing: `raid` needs an architecture (in the scenario or with --architectures)");
        }

        var ids = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0 || ids.Distinct().Count() != ids.Length)
        {
            throw new InputException(null, null, null, "--architectures", $"'{list}': expected distinct architecture ids separated by commas");
        }

        return [.. ids.Select(id => s.Architecture?.Id == id ? s.Architecture : s.Catalog.Architecture(id))];
    }

    private static string F(double x, int decimals) => FlyCommand.F(x, decimals);

    private static string T(double? t) => t is { } x ? F(x, 0) : "—";

    private static void Table(TextWriter stdout, Scenario s, RaidRunOptions o, IReadOnlyList<(string Id, RaidResult Result)> results, IReadOnlyList<ArchitectureDifference> differences)
    {
        Raid raid = s.Raid!;
        stdout.WriteLine($"{s.Name}: {raid.Launches.Count} missiles, firing {Firing(raid.Firing)}, {o.Trials.ToString("N0", CultureInfo.InvariantCulture)} trials, seed {o.Seed}");
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
                batteries.AddRow(Markup.Escape(b.Id), b.Inventory.ToString(CultureInfo.InvariantCulture), F(b.UsedMean, 2), F(b.LeftMean, 2), F(b.RanOutFraction, 4), T(b.RanOutMeanS), T(b.RanOutEarliestS));
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

    private static string Firing(FiringMode f) => f switch
    {
        FiringMode.ShootLookShoot => "shoot-look-shoot",
        FiringMode.Salvo => "salvo",
        _ => "adaptive",
    };

    private static double R(double x, int decimals = 6) => Math.Round(x, decimals);

    private static string Json(Scenario s, RaidRunOptions o, IReadOnlyList<Architecture> archs, IReadOnlyList<(string Id, RaidResult Result)> results, IReadOnlyList<ArchitectureDifference> differences)
    {
        Raid raid = s.Raid!;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Name);
            w.WriteNumber("trials", o.Trials);
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("missiles", raid.Launches.Count);
            w.WriteString("firing", Firing(raid.Firing));
            w.WriteNumber("launch_time_uncertainty_s", raid.LaunchTimeUncertaintyS);
            w.WriteNumber("sensor_delay_max_s", raid.SensorDelayMaxS);
            w.WriteStartArray("architectures");
            for (int a = 0; a < results.Count; a++)
            {
                var (id, r) = results[a];
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNumber("mean_leakers", R(r.MeanLeakers));
                w.WriteNumber("p_zero_leakers", R(r.PZeroLeakers));
                w.WriteStartArray("p_zero_leakers_ci95");
                w.WriteNumberValue(R(r.PZeroLeakersCi95.Low));
                w.WriteNumberValue(R(r.PZeroLeakersCi95.High));
                w.WriteEndArray();
                w.WriteNumber("interceptors_used_mean", R(r.InterceptorsUsedMean));
                w.WriteNumber("leakers_after_run_out_mean", R(r.LeakersAfterRunOutMean));
                w.WriteNumber("leakers_unengaged_mean", R(r.LeakersUnengagedMean));
                w.WriteStartObject("doctrine");
                w.WriteNumber("kill_assessment_s", archs[a].Doctrine.KillAssessmentS);
                w.WriteNumber("max_shots_per_threat", archs[a].Doctrine.MaxShotsPerThreat);
                w.WriteEndObject();
                w.WriteStartArray("leaker_distribution");
                foreach (long count in r.LeakerHistogram)
                {
                    w.WriteNumberValue(R((double)count / r.Trials));
                }

                w.WriteEndArray();
                w.WriteStartArray("batteries");
                foreach (BatteryResult b in r.Batteries)
                {
                    w.WriteStartObject();
                    w.WriteString("id", b.Id);
                    w.WriteNumber("inventory", b.Inventory);
                    w.WriteNumber("used_mean", R(b.UsedMean));
                    w.WriteNumber("left_mean", R(b.LeftMean));
                    w.WriteNumber("ran_out_fraction", R(b.RanOutFraction));
                    ScenarioInput.Time(w, "ran_out_mean_s", b.RanOutMeanS, 2);
                    ScenarioInput.Time(w, "ran_out_earliest_s", b.RanOutEarliestS, 2);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("targets");
                foreach (TargetResult x in r.Targets)
                {
                    w.WriteStartObject();
                    w.WriteString("id", x.Id);
                    w.WriteNumber("aimed_mean", R(x.AimedMean));
                    w.WriteNumber("leakers_mean", R(x.LeakersMean));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("missiles");
                foreach (MissileResult x in r.Missiles)
                {
                    w.WriteStartObject();
                    w.WriteString("label", x.Label);
                    w.WriteNumber("launch_s", R(x.LaunchS, 2));
                    w.WriteNumber("p_leak", R(x.PLeak));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("inventory_over_time");
                w.WriteStartArray("t_s");
                foreach (double x in r.InventoryTimesS)
                {
                    w.WriteNumberValue(R(x, 2));
                }

                w.WriteEndArray();
                foreach (var (b, i) in r.Batteries.Select((b, i) => (b, i)))
                {
                    w.WriteStartArray(b.Id);
                    foreach (double x in r.InventoryMean[i])
                    {
                        w.WriteNumberValue(R(x, 4));
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("differences");
            foreach (ArchitectureDifference d in differences)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("baseline", d.Baseline);
                WriteDifference(w, "mean_leakers", d.Leakers);
                WriteDifference(w, "p_zero_leakers", d.PZeroLeakers);
                WriteDifference(w, "interceptors_used_mean", d.InterceptorsUsed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }

    private static void WriteDifference(Utf8JsonWriter w, string key, Difference d)
    {
        w.WriteStartObject(key);
        w.WriteNumber("mean", R(d.Mean));
        w.WriteStartArray("ci95");
        w.WriteNumberValue(R(d.Low));
        w.WriteNumberValue(R(d.High));
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
