using System.CommandLine;

namespace Bulwark.Cli.Commands;

/// <summary>The flags DESIGN §7 gives every verb.</summary>
internal static class CommonOptions
{
    public static Option<string> Format() => new("--format")
    {
        Description = "table (for people), json or csv (for scripts)",
        DefaultValueFactory = _ => "table",
    };

    public static Option<string?> Out() => new("--out") { Description = "write files (CSV, GeoJSON, CZML, …) into this directory" };

    public static Option<string?> Earth() => new("--earth") { Description = "wgs84 (default) or sphere (radius 6,371,007.18 m, no J2)" };

    public static Option<bool> NoRotation() => new("--no-rotation") { Description = "a non-rotating Earth" };

    public static OutputFormat ParseFormat(string value) => value switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => throw new InputException(null, null, null, "--format", $"unknown format '{value}'; expected table, json or csv"),
    };
}

internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
