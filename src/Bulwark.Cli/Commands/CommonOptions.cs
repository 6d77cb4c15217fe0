using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Bulwark.Catalog.Studies;

namespace Bulwark.Cli.Commands;

/// <summary>
/// The flags DESIGN §7 gives every verb, and those several verbs share. Each carries its own limits (checked once, when
/// the command line is parsed: exit 2 with a message) and takes its default from the library.
/// </summary>
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

    public static Option<string> Architecture() => new("--architecture") { Description = "a catalog architecture id (bulwark catalog architectures)", Required = true };

    /// <summary>
    /// <c>--step-deg</c>: a footprint grid step within [<see cref="FootprintSettings.MinStepDeg"/>,
    /// <see cref="FootprintSettings.MaxStepDeg"/>], by default <paramref name="defaultDeg"/> (one of <see cref="FootprintSettings"/>'s).
    /// </summary>
    public static Option<double> StepDeg(double defaultDeg) =>
        CheckStep(new Option<double>("--step-deg")
        {
            Description = $"footprint grid step, degrees of latitude and longitude, {StepRange} (default {Num(defaultDeg)})",
            DefaultValueFactory = _ => defaultDeg,
        });

    /// <summary><c>--step-deg</c> with the same limits, null when not given (the default is a study's, <paramref name="defaultText"/>).</summary>
    public static Option<double?> StepDeg(string defaultText) =>
        CheckStep(new Option<double?>("--step-deg") { Description = $"footprint grid step, degrees of latitude and longitude, {StepRange} (default {defaultText})" });

    /// <summary><c>--members</c>: a year with a NATO member list (<see cref="FootprintSettings.MembersYears"/>).</summary>
    public static Option<int> Members() =>
        CheckMembers(new Option<int>("--members")
        {
            Description = $"NATO's members of 2010 (the 28) or 2024 (the 32) (default {FootprintSettings.MembersYear})",
            DefaultValueFactory = _ => FootprintSettings.MembersYear,
        });

    /// <summary><c>--members</c> with the same years, null when not given (the default is a study's, <paramref name="defaultText"/>).</summary>
    public static Option<int?> Members(string defaultText) =>
        CheckMembers(new Option<int?>("--members") { Description = $"NATO's members of 2010 (the 28) or 2024 (the 32) (default {defaultText})" });

    private static string StepRange => $"{Num(FootprintSettings.MinStepDeg)} to {Num(FootprintSettings.MaxStepDeg)}";

    private static T CheckStep<T>(T option)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            // A token that is not a number is the parser's own error; check only numbers here.
            if (Token(r) is { } token && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double step) && !FootprintSettings.IsValidStep(step))
            {
                r.AddError($"--step-deg: {Num(step)} is out of range; expected a step from {StepRange} degrees");
            }
        });
        return option;
    }

    private static T CheckMembers<T>(T option)
        where T : Option
    {
        string years = string.Join(" or ", FootprintSettings.MembersYears);
        option.Validators.Add(r =>
        {
            if (Token(r) is { } token && int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int year) && !FootprintSettings.MembersYears.Contains(year))
            {
                r.AddError($"--members: {year} is not a year with a member list; expected {years}");
            }
        });
        return option;
    }

    public static OutputFormat ParseFormat(string value) => value switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => throw new InputException(null, null, null, "--format", $"unknown format '{value}'; expected table, json or csv"),
    };

    /// <summary>The value given on the command line (null where the default applies).</summary>
    private static string? Token(OptionResult r) => r.Tokens.Count == 1 ? r.Tokens[0].Value : null;

    private static string Num(double x) => x.ToString(CultureInfo.InvariantCulture);
}

internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
