using System.Globalization;

namespace Bulwark.Caching;

/// <summary>
/// Where the user's <see cref="DiskStore"/> lives and how large it may grow, from the environment (docs/cache.md
/// "Location"): <c>BULWARK_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/bulwark</c>, else <c>~/.cache/bulwark</c>;
/// <c>BULWARK_CACHE_MAX_MB</c> for the bound; <c>BULWARK_CACHE=off</c> to use no store at all. The variables are read
/// through a lookup so that tests can pass their own.
/// </summary>
internal static class StoreEnvironment
{
    public const string DirVariable = "BULWARK_CACHE_DIR";
    public const string MaxMbVariable = "BULWARK_CACHE_MAX_MB";
    public const string SwitchVariable = "BULWARK_CACHE";

    /// <summary>The process's own environment.</summary>
    public static string? Process(string name) => Environment.GetEnvironmentVariable(name);

    public static string Directory(Func<string, string?> env)
    {
        if (NonEmpty(env(DirVariable)) is { } dir)
        {
            return Path.GetFullPath(dir);
        }

        // The XDG base-directory specification: a relative XDG_CACHE_HOME is invalid and ignored.
        if (NonEmpty(env("XDG_CACHE_HOME")) is { } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "bulwark");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? Path.Combine(Path.GetTempPath(), "bulwark-cache") : Path.Combine(home, ".cache", "bulwark");
    }

    /// <summary>The bound: <c>BULWARK_CACHE_MAX_MB</c> MiB if set (a whole number, at least 1), else <see cref="DiskStore.DefaultMaxBytes"/>.</summary>
    public static long MaxBytes(Func<string, string?> env)
    {
        if (NonEmpty(env(MaxMbVariable)) is not { } text)
        {
            return DiskStore.DefaultMaxBytes;
        }

        const long mib = 1024 * 1024;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long mb) || mb < 1 || mb > long.MaxValue / mib)
        {
            throw new InputException(null, null, null, MaxMbVariable, $"'{text}' is not a store size; expected a whole number of MiB, at least 1");
        }

        return mb * mib;
    }

    /// <summary>False when <c>BULWARK_CACHE</c> is <c>off</c>, <c>0</c> or <c>false</c>; true when unset, <c>on</c>, <c>1</c> or <c>true</c>.</summary>
    public static bool Enabled(Func<string, string?> env)
    {
        string? value = NonEmpty(env(SwitchVariable))?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "on" or "1" or "true" => true,
            "off" or "0" or "false" => false,
            _ => throw new InputException(null, null, null, SwitchVariable, $"'{value}' is not a switch; expected on or off"),
        };
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
