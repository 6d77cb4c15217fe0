using System.Globalization;

namespace Bulwark.Output;

/// <summary>Invariant, round-trippable number formatting for every file Bulwark writes (the same bytes on every machine).</summary>
public static class Text
{
    /// <summary>A number in the shortest form that reads back to the same double.</summary>
    public static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number with a fixed count of decimals.</summary>
    public static string Fixed(double x, int decimals) => x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
