using System.CommandLine;
using System.Text.RegularExpressions;

namespace Bulwark.Cli;

/// <summary>
/// System.CommandLine's parse errors as one line in Bulwark's words: the first error that matters (an unknown verb or
/// flag, a value that is not a number before a missing one), and no .NET type names.
/// </summary>
internal static partial class ParseErrors
{
    public static string OneLine(RootCommand root, ParseResult parse)
    {
        var messages = parse.Errors.Select(e => e.Message).ToList();
        string first = messages.FirstOrDefault(m => m.StartsWith("Unrecognized", StringComparison.Ordinal))
            ?? messages.FirstOrDefault(m => m.StartsWith("Cannot parse", StringComparison.Ordinal))
            ?? messages.FirstOrDefault(m => m != "Required command was not provided.")
            ?? messages[0];
        return Rewrite(root, parse, first);
    }

    private static string Rewrite(RootCommand root, ParseResult parse, string message)
    {
        if (CannotParse().Match(message) is { Success: true } p)
        {
            string type = p.Groups["type"].Value;
            string what = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
                : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
                : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
                : "a valid value";
            return $"{p.Groups["symbol"].Value}: '{p.Groups["value"].Value}' is not {what}";
        }

        if (Unrecognized().Match(message) is { Success: true } u)
        {
            string token = u.Groups["token"].Value;
            return parse.CommandResult.Command == root && !token.StartsWith('-')
                ? $"unknown verb '{token}'; expected one of: {string.Join(", ", root.Subcommands.Select(c => c.Name))}"
                : $"'{token}' is not a flag or argument of '{parse.CommandResult.Command.Name}'";
        }

        if (message == "Required command was not provided.")
        {
            return $"no verb given; expected one of: {string.Join(", ", root.Subcommands.Select(c => c.Name))}";
        }

        if (MissingValue().Match(message) is { Success: true } m)
        {
            return $"{m.Groups["option"].Value}: missing value";
        }

        return message.TrimEnd('.');
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<symbol>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']*)'")]
    private static partial Regex MissingValue();
}
