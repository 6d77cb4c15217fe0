using System.CommandLine;
using System.Globalization;
using Bulwark.Caching;
using Bulwark.Output.Json;
using Spectre.Console;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark cache [info|show|clear] [--kind K] [--cache-dir DIR] [--format table|json]</c>: what the persistent store
/// holds (folder, entries and size per kind, the bound), or empty it (docs/cache.md). The folder and the bound come from
/// the environment as the analyses take them (<see cref="DiskStore.Default()"/>), unless <c>--cache-dir</c> is given.
/// </summary>
internal static class CacheCommand
{
    public static Command Create(TextWriter stdout)
    {
        var info = new Command("info", "Show the store's folder, its entries and size per kind, and its bound (the default).");
        info.Aliases.Add("show");
        Setup(info, stdout, clear: false);
        var clear = new Command("clear", "Delete the store's entries (of one kind with --kind) and say how many were removed.");
        Setup(clear, stdout, clear: true);
        var command = new Command("cache", "Show or clear the persistent store of reach tables under the user's cache folder.") { info, clear };
        Setup(command, stdout, clear: false);
        return command;
    }

    private static void Setup(Command command, TextWriter stdout, bool clear)
    {
        var dir = new Option<string?>("--cache-dir") { Description = "the store's folder (default: $BULWARK_CACHE_DIR, else $XDG_CACHE_HOME/bulwark, else ~/.cache/bulwark)" };
        var kind = new Option<string?>("--kind") { Description = clear ? "clear only this kind of entry (reach, …)" : "show only this kind of entry (reach, …)" };
        var format = new Option<string>("--format") { Description = "table (for people) or json (for scripts)", DefaultValueFactory = _ => "table" };
        command.Options.Add(dir);
        command.Options.Add(kind);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            OutputFormat output = CommonOptions.ParseFormat(parse.GetValue(format)!);
            if (output == OutputFormat.Csv)
            {
                throw new InputException(null, null, null, "--format", "cache prints table or json");
            }

            string? only = parse.GetValue(kind);
            if (only is not null && !DiskStore.IsValidKind(only))
            {
                throw new InputException(null, null, null, "--kind", $"'{only}' is not a kind of entry; expected lowercase letters, digits and '-' (reach, …)");
            }

            DiskStore store = Open(parse.GetValue(dir));
            if (clear)
            {
                int removed = store.Clear(only);
                stdout.Write(output == OutputFormat.Json ? CacheJson.Cleared(store.Directory, only, removed) : ClearedText(store.Directory, only, removed));
            }
            else
            {
                StoreUsage usage = store.Usage();
                if (only is not null)
                {
                    var kinds = usage.Kinds.Where(k => k.Kind == only).ToList();
                    usage = usage with { Kinds = kinds, Entries = kinds.Sum(k => k.Entries), Bytes = kinds.Sum(k => k.Bytes) };
                }

                bool enabled = DiskStore.FromEnvironment() is not null;
                if (output == OutputFormat.Json)
                {
                    stdout.Write(CacheJson.Usage(usage, enabled));
                }
                else
                {
                    Show(stdout, usage, enabled);
                }
            }

            return Program.Success;
        });
    }

    /// <summary>The user's store, or one in <paramref name="dir"/>; the bound from <c>BULWARK_CACHE_MAX_MB</c> either way.</summary>
    private static DiskStore Open(string? dir)
    {
        if (dir is null)
        {
            return DiskStore.Default();
        }

        try
        {
            return new DiskStore(dir, DiskStore.Default().MaxBytes);
        }
        catch (ArgumentException e)
        {
            throw new InputException(null, null, null, "--cache-dir", $"'{dir}' is not a folder path ({e.Message})");
        }
    }

    private static void Show(TextWriter stdout, StoreUsage usage, bool enabled)
    {
        stdout.WriteLine($"store: {usage.Directory}{(enabled ? "" : " (BULWARK_CACHE=off: the analyses neither read nor write it)")}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("kind").AddColumn(new TableColumn("entries").RightAligned()).AddColumn(new TableColumn("size").RightAligned());
        foreach (KindUsage k in usage.Kinds)
        {
            table.AddRow(Markup.Escape(k.Kind), Formatting.Count(k.Entries), Size(k.Bytes));
        }

        table.AddRow("total", Formatting.Count(usage.Entries), Size(usage.Bytes));
        Render.Table(stdout, table);
        stdout.WriteLine($"bound: {Size(usage.MaxBytes)} (the least recently used entries go first; BULWARK_CACHE_MAX_MB sets it)");
        if (usage.TempFiles > 0)
        {
            stdout.WriteLine($"{Formatting.Count(usage.TempFiles)} temporary file(s) of writers running now or killed (swept after {DiskStore.StaleTempAge.TotalHours:0} h)");
        }
    }

    private static string ClearedText(string directory, string? kind, int removed) =>
        $"removed {Formatting.Count(removed)} {(removed == 1 ? "entry" : "entries")}{(kind is null ? "" : $" of kind {kind}")} from {directory}\n";

    /// <summary>A size in bytes for people: B, KiB, MiB or GiB with one decimal.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double x = bytes;
        int u = 0;
        while (x >= 1024 && u < units.Length - 1)
        {
            x /= 1024;
            u++;
        }

        return u == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B") : $"{Formatting.F(x, 1)} {units[u]}";
    }
}
