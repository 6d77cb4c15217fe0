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
    /// <c>--step-deg</c>: a uniform footprint grid of this step (every cell evaluated), within
    /// [<see cref="FootprintSettings.MinStepDeg"/>, <see cref="FootprintSettings.MaxStepDeg"/>]; null when not given
    /// (the default is <paramref name="defaultText"/>).
    /// </summary>
    public static Option<double?> StepDeg(string defaultText) =>
        CheckStep(new Option<double?>("--step-deg") { Description = $"a uniform footprint grid: every cell of this step evaluated, degrees of latitude and longitude, {StepRange} (default {defaultText})" }, "--step-deg", "a step");

    /// <summary>
    /// <c>--resolution-deg</c>: an adaptive footprint grid refined near boundaries down to cells of this size, same
    /// limits; null when not given (the default is <paramref name="defaultText"/>).
    /// </summary>
    public static Option<double?> ResolutionDeg(string defaultText) =>
        CheckStep(new Option<double?>("--resolution-deg") { Description = $"an adaptive footprint grid: coarse blocks refined near every boundary down to cells of this size, degrees, {StepRange} (default {defaultText})" }, "--resolution-deg", "a resolution");

    /// <summary>The grid that <c>--step-deg</c> (uniform) or <c>--resolution-deg</c> (adaptive) asks for; null for the default.</summary>
    public static (double StepDeg, bool Adaptive)? Grid(double? stepDeg, double? resolutionDeg) =>
        (stepDeg, resolutionDeg) switch
        {
            ({ }, { }) => throw new InputException(null, null, null, "--step-deg", "give either --step-deg (a uniform grid) or --resolution-deg (an adaptive grid), not both"),
            ({ } step, null) => (step, false),
            (null, { } resolution) => (resolution, true),
            _ => null,
        };

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

    private static T CheckStep<T>(T option, string flag, string what)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            // A token that is not a number is the parser's own error; check only numbers here.
            if (Token(r) is { } token && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double step) && !FootprintSettings.IsValidStep(step))
            {
                r.AddError($"{flag}: {Num(step)} is out of range; expected {what} from {StepRange} degrees");
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
