using System.CommandLine;
using System.Globalization;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Output;
using Bulwark.Output.Json;
using ComparisonReport = Bulwark.Output.Reports.ComparisonReport;
using Bulwark.Scenarios;
using Spectre.Console;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark compare [lisbon-2010 | ID…] --out DIR</c>: the architectures side by side — footprints and coverage per
/// threat class, NATO's members, what Russia adds, the deterrent question — as report.md, report.html and summary.json.
/// </summary>
internal static class CompareCommand
{
    public const string Lisbon2010 = "lisbon-2010";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ids = new Argument<string[]>("ARCHITECTURES")
        {
            Description = "lisbon-2010 (the seven architectures of the Lisbon summit; the default) or architecture ids",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string?>("--out") { Description = "write report.md, report.html, summary.json and the maps into this directory" };
        var format = CommonOptions.Format();
        var step = CommonOptions.StepDeg(ComparisonOptions.DefaultStepDeg);
        var members = CommonOptions.Members();
        var noDeterrent = new Option<bool>("--no-deterrent") { Description = "skip the Russian ICBM tracks (faster)" };
        var command = new Command("compare", "The architectures side by side: defended area and population per threat class, NATO's members, what Russia adds, the deterrent question.")
        {
            ids, outDir, format, step, members, noDeterrent,
        };
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "compare");
            BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
            string[] given = parse.GetValue(ids) ?? [];
            var options = new ComparisonOptions
            {
                ArchitectureIds = Architectures(catalog, given),
                StepDeg = parse.GetValue(step),
                MembersYear = parse.GetValue(members),
                Deterrent = !parse.GetValue(noDeterrent),
            };
            string? dir = parse.GetValue(outDir);
            ComparisonResult result = Progress.RunWithBar(stderr, "comparing",
                p => Comparison.Run(catalog, options, p is null ? null : new Forward(p)));
            if (dir is not null)
            {
                var (texts, binaries) = ComparisonReport.Files(result, ReproducingCommand(given, options, dir));
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

    private static IReadOnlyList<string> Architectures(BulwarkCatalog catalog, string[] given)
    {
        if (given.Length == 0 || (given.Length == 1 && given[0] == Lisbon2010))
        {
            return ComparisonOptions.Lisbon2010Architectures;
        }

        foreach (string id in given)
        {
            if (catalog.Find(id) is not { Kind: "architectures" })
            {
                string known = string.Join(", ", catalog.OfKind("architectures").Select(e => e.Id));
                throw new InputException(null, null, null, "ARCHITECTURES", $"'{id}' is not an architecture; expected {Lisbon2010} or ids among: {known}");
            }
        }

        return [.. given.Distinct()];
    }

    private static string ReproducingCommand(string[] given, ComparisonOptions o, string dir)
    {
        string what = given.Length == 0 ? Lisbon2010 : string.Join(' ', given);
        string extra = (o.StepDeg != ComparisonOptions.DefaultStepDeg ? $" --step-deg {o.StepDeg.ToString(CultureInfo.InvariantCulture)}" : "")
            + (o.MembersYear != FootprintSettings.MembersYear ? $" --members {o.MembersYear}" : "") + (o.Deterrent ? "" : " --no-deterrent");
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
