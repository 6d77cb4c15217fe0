using System.Globalization;
using Bulwark.Output;

namespace Bulwark.Cli;

/// <summary>How the verbs' tables write numbers for people: fixed decimals, invariant culture, a dash for "never".</summary>
internal static class Formatting
{
    /// <summary>A number with a fixed count of decimals.</summary>
    public static string F(double x, int decimals) => Text.Fixed(x, decimals);

    /// <summary>A time in whole seconds, or "—" where there is none.</summary>
    public static string Seconds(double? t) => t is { } x ? F(x, 0) : "—";

    /// <summary>A count with thousands separators (10,000).</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
