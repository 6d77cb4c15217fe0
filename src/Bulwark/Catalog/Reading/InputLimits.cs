namespace Bulwark.Catalog.Reading;

/// <summary>
/// The bounds every input file is held to before it is parsed, shared by the YAML reader and the CLI's bounded file read
/// (so both refuse the same file with the same message).
/// </summary>
public static class InputLimits
{
    /// <summary>The most characters an input file may hold (16 MiB); longer input is refused before it is parsed.</summary>
    public const int MaxInputChars = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of lists and mappings an input file may have (real files need fewer than 10).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values (scalars, lists and mappings) that the aliases of an input file may stand for in all.</summary>
    public const long MaxAliasedNodes = 100_000;

    /// <summary>The message for an input over <see cref="MaxInputChars"/>.</summary>
    public static string TooLarge => $"the file is larger than {MaxInputChars / (1024 * 1024)} MiB, the most an input file may hold";
}
