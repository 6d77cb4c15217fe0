namespace Bulwark.Sweeps;

/// <summary>How a sampled design draws an input between its low and high values.</summary>
public enum InputDistribution
{
    /// <summary>Every value between low and high equally likely.</summary>
    Uniform,

    /// <summary>Triangular between low and high with its mode at the nominal value.</summary>
    Triangular,
}

/// <summary>
/// One uncertain input of a sweep: its nominal value and the range the open record allows, in the input's own unit
/// (SI, named by <see cref="Unit"/>), with where the range comes from. Checked at construction: a name of printable
/// characters, finite numbers with low ≤ nominal ≤ high.
/// </summary>
/// <param name="Name">the input's name, unique in a sweep (e.g. <c>sm3_iia_burnout_speed_m_s</c>)</param>
/// <param name="Unit">its unit as written in outputs (e.g. <c>m/s</c>)</param>
/// <param name="Nominal">the value the nominal run uses</param>
/// <param name="Low">the low end of the range</param>
/// <param name="High">the high end of the range</param>
/// <param name="Distribution">how a sampled design draws it</param>
/// <param name="Source">where the range comes from (free text, for reports)</param>
public sealed record UncertainInput(string Name, string Unit, double Nominal, double Low, double High,
    InputDistribution Distribution = InputDistribution.Uniform, string Source = "")
{
    /// <summary>The input's name.</summary>
    public string Name { get; init; } = CheckName(Name);

    /// <summary>The nominal value.</summary>
    public double Nominal { get; init; } = CheckRange(Name, Nominal, Low, High);

    /// <summary>Checks a name for an input or an outcome: 1 to 200 characters, none of them a control character.</summary>
    /// <exception cref="ArgumentException">the name is empty, too long or holds a control character</exception>
    public static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 200 || name.Any(char.IsControl))
        {
            throw new ArgumentException($"a sweep name must be 1 to 200 characters without control characters: '{name}'", nameof(name));
        }

        return name;
    }

    private static double CheckRange(string name, double nominal, double low, double high)
    {
        if (!double.IsFinite(nominal) || !double.IsFinite(low) || !double.IsFinite(high) || low > nominal || nominal > high)
        {
            throw new ArgumentException($"input '{name}': need finite low ≤ nominal ≤ high, got {low}, {nominal}, {high}");
        }

        return nominal;
    }

    /// <summary>
    /// The value at quantile <paramref name="u"/> in [0, 1] of the input's distribution: uniform, low + u (high − low);
    /// triangular (mode at the nominal value), the inverse of its distribution function.
    /// </summary>
    public double Quantile(double u)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(u, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(u, 1.0);
        double width = High - Low;
        if (width == 0)
        {
            return Nominal;
        }

        if (Distribution == InputDistribution.Uniform)
        {
            return Low + u * width;
        }

        double modeShare = (Nominal - Low) / width;
        return u < modeShare
            ? Low + Math.Sqrt(u * width * (Nominal - Low))
            : High - Math.Sqrt((1 - u) * width * (High - Nominal));
    }
}
