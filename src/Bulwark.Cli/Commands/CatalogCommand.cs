using System.CommandLine;
using System.Text;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Output;
using Bulwark.Output.Json;
using Spectre.Console;

namespace Bulwark.Cli.Commands;

/// <summary><c>bulwark catalog [KIND|ID]</c>: list catalog entries with their key figures, source and confidence; or one whole entry.</summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter stdout)
    {
        var what = new Argument<string?>("KIND|ID") { Description = "a kind (places, missiles, interceptors, sensors, architectures, threat-sets) or an entry id", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table, json, or markdown (the whole catalog as docs/catalog.md)", DefaultValueFactory = _ => "table" };
        var command = new Command("catalog", "List the built-in catalog's entries with their sources and confidence.") { what, format };
        command.SetAction(parse =>
        {
            BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
            string? arg = parse.GetValue(what);
            string fmt = parse.GetValue(format)!;
            if (fmt == "markdown")
            {
                stdout.Write(CatalogMarkdown.Render(catalog));
                return Program.Success;
            }

            OutputFormat output = CommonOptions.ParseFormat(fmt);
            if (output == OutputFormat.Csv)
            {
                throw new InputException(null, null, null, "--format", "catalog prints table, json or markdown");
            }

            IReadOnlyList<CatalogEntry> entries;
            bool whole = false;
            if (arg is null)
            {
                entries = catalog.Entries;
            }
            else if (Array.IndexOf(BulwarkCatalog.Kinds, arg) >= 0)
            {
                entries = [.. catalog.OfKind(arg)];
            }
            else
            {
                entries = [catalog.Find(arg) ?? throw new InputException(null, null, null, null,
                    $"'{arg}' is neither a kind ({string.Join(", ", BulwarkCatalog.Kinds)}) nor an entry id; run 'bulwark catalog' for the list")];
                whole = true;
            }

            if (output == OutputFormat.Json)
            {
                stdout.Write(CatalogJson.Write(catalog, entries, entries.Where(e => e.Kind == "interceptors")
                    .ToDictionary(e => e.Id, e => FlyoutFamily.Of(catalog.Interceptor(e.Id)))));
            }
            else if (whole)
            {
                Whole(stdout, catalog, entries[0]);
            }
            else
            {
                List(stdout, entries);
            }

            return Program.Success;
        });
        return command;
    }

    private static void List(TextWriter stdout, IReadOnlyList<CatalogEntry> entries)
    {
        foreach (string kind in BulwarkCatalog.Kinds)
        {
            var ofKind = entries.Where(e => e.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var table = new Table().Border(TableBorder.Simple).Title(kind);
            table.AddColumn("id").AddColumn("name").AddColumn("key figures").AddColumn("confidence").AddColumn("source");
            foreach (CatalogEntry e in ofKind)
            {
                var figures = KeyFigures.Of(e);
                Provenance? p = figures.Select(f => f.Path).FirstOrDefault(x => x is not null) is { } path ? e.ProvenanceOf(path) : e.ProvenanceOf("*");
                table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Name), Markup.Escape(string.Join("; ", figures.Select(f => $"{f.Label} {f.Value}"))),
                    p is null ? "" : Provenance.Name(p.Confidence), Markup.Escape(p?.SourceId ?? ""));
            }

            Render.Table(stdout, table);
        }
    }

    private static void Whole(TextWriter stdout, BulwarkCatalog catalog, CatalogEntry e)
    {
        stdout.WriteLine($"{e.Id}: {e.Name} ({BulwarkCatalog.Singular(e.Kind)}; {e.File}:{e.Line})");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("key").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit").AddColumn("confidence").AddColumn("source");
        foreach (CatalogNumber n in e.Figures())
        {
            string path = n.Path;
            Provenance? p = e.ProvenanceOf(path);
            table.AddRow(Markup.Escape(path), Markup.Escape(n.Text ?? ""), Markup.Escape(Units.Of(path) ?? ""),
                p is null ? "none" : Provenance.Name(p.Confidence), Markup.Escape(p is null ? "" : Cite(catalog, p)));
        }

        Render.Table(stdout, table);
        if (e.Kind == "interceptors")
        {
            Flyout(stdout, FlyoutFamily.Of(catalog.Interceptor(e.Id)));
        }
    }

    private static void Flyout(TextWriter stdout, FlyoutFamily family)
    {
        stdout.WriteLine("fly-out family (derived: computed from the notional stages and guidance above on the standard fly-out, docs/interceptors.md):");
        void Line(string label, FlyoutBurnout b) => stdout.WriteLine(FormattableString.Invariant(
            $"  {label,-9} commanded {b.ElevationRad * 180 / Math.PI,5:0.#}°: burnout {b.SpeedMPerS / 1000:0.000} km/s at {b.HeightM / 1000:0} km, {b.TimeS:0.0} s after launch, climbing at {b.FlightPathAngleRad * 180 / Math.PI:0.0}°"));
        Line("standard", family.Standard);
        Line("flattest", family.Flattest);
        Line("lowest", family.Lowest);
        Line("steepest", family.Steepest);
    }

    private static string Cite(BulwarkCatalog catalog, Provenance p)
    {
        var sb = new StringBuilder();
        sb.Append(p.SourceId is { } id && catalog.Sources.TryGetValue(id, out Source? s) ? s.Citation : p.SourceId);
        if (p.CalibratedTo is { } c)
        {
            sb.Append("; calibrated to ").Append(c);
        }

        if (p.Derivation is { } d)
        {
            sb.Append("; derived: ").Append(d);
        }

        if (p.Note is { } n)
        {
            sb.Append("; ").Append(n);
        }

        return sb.ToString();
    }
}
