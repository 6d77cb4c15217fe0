using System.Globalization;

namespace Bulwark;

/// <summary>
/// Bad input from a file or the command line, located as precisely as it can be: file, line, column, key, and what was
/// expected. The edges turn it into a one-line message and exit code 2, never a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string? file, int? line, int? column, string? key, string problem)
        : base(Format(file, line, column, key, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Problem = problem;
    }

    public string? File { get; }

    public int? Line { get; }

    public int? Column { get; }

    /// <summary>The key path ("initial.lat_deg"), or null.</summary>
    public string? Key { get; }

    public string Problem { get; }

    private static string Format(string? file, int? line, int? column, string? key, string problem)
    {
        string where = file ?? "input";
        if (line is { } l and > 0)
        {
            where += string.Create(CultureInfo.InvariantCulture, $":{l}");
            if (column is { } c and > 0)
            {
                where += string.Create(CultureInfo.InvariantCulture, $":{c}");
            }
        }

        return key is null ? $"{where}: {problem}" : $"{where}: {key}: {problem}";
    }
}
