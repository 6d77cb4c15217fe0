using System.CommandLine;
using System.Globalization;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Catalog.Reading;
using Bulwark.Output;
using Bulwark.Output.Json;
using Spectre.Console;
using Bulwark.Catalog.Studies;
using ComparisonReport = Bulwark.Output.Reports.ComparisonReport;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark compare [STUDY | STUDY.yaml | ID…] --out DIR</c>: the architectures of a study side by side — footprints and
/// coverage per threat class, NATO's members, what Russia adds, the deterrent question — as report.md, report.html and
/// summary.json. A study is shipped (<c>lisbon-2010</c>, the default) or a study file (docs/studies.md); architecture ids
/// after it (or alone, for lisbon-2010) narrow its architectures; the flags override the study's values.
/// </summary>
internal static class CompareCommand
{
    public const string Lisbon2010 = Study.Lisbon2010;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ids = new Argument<string[]>("STUDY")
        {
            Description = "a shipped study (lisbon-2010, the default: the seven architectures of the Lisbon summit) or a study file " +
                "(STUDY.yaml, docs/studies.md), optionally followed by architecture ids to run only those; or architecture ids alone (lisbon-2010's study)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string?>("--out") { Description = "write report.md, report.html, summary.json and the maps into this directory" };
        var format = CommonOptions.Format();
        var step = CommonOptions.StepDeg("the study's; lisbon-2010's grid is adaptive");
        var resolution = CommonOptions.ResolutionDeg($"the study's; {ComparisonOptions.DefaultStepDeg.ToString(CultureInfo.InvariantCulture)} for lisbon-2010");
        var members = CommonOptions.Members($"the study's; {FootprintSettings.MembersYear} for lisbon-2010");
        var noDeterrent = new Option<bool>("--no-deterrent") { Description = "skip the Russian ICBM tracks (faster)" };
        var command = new Command("compare", "The architectures of a study side by side: defended area and population per threat class, NATO's members, what Russia adds, the deterrent question.")
        {
            ids, outDir, format, resolution, step, members, noDeterrent,
        };
        var world = new WorldOptions().AddTo(command);
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "compare");
            BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
            string[] given = parse.GetValue(ids) ?? [];
            var (study, architectureIds) = StudyOf(given, catalog);
            ComparisonOptions options = study.Options;
            if (architectureIds.Length > 0)
            {
                options = options with { ArchitectureIds = Architectures(catalog, architectureIds) };
            }

            var grid = CommonOptions.Grid(parse.GetValue(step), parse.GetValue(resolution)) ?? (options.StepDeg, options.Adaptive);
            options = options with
            {
                StepDeg = grid.StepDeg,
                Adaptive = grid.Adaptive,
                MembersYear = parse.GetValue(members) ?? options.MembersYear,
                Deterrent = options.Deterrent && !parse.GetValue(noDeterrent),
            };
            string? dir = parse.GetValue(outDir);
            ComparisonResult result = Progress.RunWithBar(stderr, "comparing",
                p => Comparison.Run(world.Context(parse, catalog), options, p is null ? null : new Forward(p)));
            if (dir is not null)
            {
                var (texts, binaries) = ComparisonReport.Files(result, ReproducingCommand(given, study.Options, options, dir) + world.Flags(parse));
                OutputDirectory.WriteAll(dir, texts, binaries);
            }

            if (fmt == OutputFormat.Json)
            {
                stdout.Write(ComparisonJson.Write(result));
            }
            else
            {
                Table(stdout, result);
                if (dir is not null)
                {
                    stdout.WriteLine($"report: {Path.Combine(dir, "report.html")} (and report.md, summary.json)");
                }
            }

            return Program.Success;
        });
        return command;
    }

    /// <summary>
    /// The study the arguments name and the architecture ids that follow it: a shipped study's id, or a study file (a path
    /// ending in .yaml or .yml, or any existing file); otherwise every argument is an architecture id of lisbon-2010's study.
    /// </summary>
    internal static (Study Study, string[] ArchitectureIds) StudyOf(string[] given, BulwarkCatalog catalog)
    {
        if (given.Length == 0)
        {
            return (StudyReader.Shipped(Lisbon2010, catalog), []);
        }

        string first = given[0];
        if (StudyReader.ShippedText(first) is not null)
        {
            return (StudyReader.Shipped(first, catalog), given[1..]);
        }

        if (first.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || first.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || File.Exists(first))
        {
            string text = InputFiles.Read(first);
            if (!StudyReader.IsStudy(first, text))
            {
                throw new InputException(first, 1, 1, null, $"not a study file: expected a top-level '{StudyReader.KindKey}:' key with the study's id (docs/studies.md)");
            }

            return (StudyReader.Read(first, text, catalog), given[1..]);
        }

        return (StudyReader.Shipped(Lisbon2010, catalog), given);
    }

    internal static IReadOnlyList<string> Architectures(BulwarkCatalog catalog, string[] given)
    {
        foreach (string id in given)
        {
            if (catalog.Find(id) is not { Kind: "architectures" })
            {
                string known = string.Join(", ", catalog.OfKind("architectures").Select(e => e.Id));
                string studies = string.Join(", ", StudyReader.ShippedIds);
                throw new InputException(null, null, null, "ARCHITECTURES", $"'{id}' is not an architecture; expected a study ({studies}, or a STUDY.yaml file) or ids among: {known}");
            }
        }

        return [.. given.Distinct()];
    }

    private static string ReproducingCommand(string[] given, ComparisonOptions study, ComparisonOptions o, string dir)
    {
        string what = given.Length == 0 ? Lisbon2010 : string.Join(' ', given);
        string grid = o.StepDeg == study.StepDeg && o.Adaptive == study.Adaptive ? ""
            : $" {(o.Adaptive ? "--resolution-deg" : "--step-deg")} {o.StepDeg.ToString(CultureInfo.InvariantCulture)}";
        string extra = grid
            + (o.MembersYear != study.MembersYear ? $" --members {o.MembersYear}" : "") + (o.Deterrent == study.Deterrent ? "" : " --no-deterrent");
        return $"bulwark compare {what} --out {dir}{extra}";
    }

    private static void Table(TextWriter stdout, ComparisonResult r)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("architecture").NoWrap());
        foreach (ThreatClass c in r.Options.ThreatClasses)
        {
            table.AddColumn(new TableColumn($"{c.Id} defended km²").RightAligned());
            table.AddColumn(new TableColumn($"{c.Id} members full").RightAligned());
        }

        table.AddColumn(new TableColumn("Russian tracks engageable").RightAligned());
        table.AddColumn(new TableColumn("shots").RightAligned());
        foreach (ArchitectureComparison a in r.Architectures)
        {
            var row = new List<string> { a.Architecture.Id };
            foreach (var f in a.Footprints)
            {
                row.Add(f.DefendedAreaKm2.ToString("#,0", CultureInfo.InvariantCulture));
                row.Add(ComparisonFigures.MemberCounts(f).Full.ToString(CultureInfo.InvariantCulture));
            }

            row.Add(a.Deterrent is { } d ? $"{d.EngageableTracks}/{d.Tracks.Count}" : "-");
            row.Add(a.ShotOpportunities.ToString(CultureInfo.InvariantCulture));
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        Render.Table(stdout, table);
    }

    private sealed class Forward(IProgress<(string Stage, double Fraction)> inner) : IProgress<ComparisonProgress>
    {
        public void Report(ComparisonProgress value) => inner.Report((value.Stage, value.Fraction));
    }
}
