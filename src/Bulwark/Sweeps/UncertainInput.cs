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
/// <param name="Levels">for a variant (a categorical input: a launch place, a trajectory shape), its levels' names: the
/// input's values are then the levels' indices, 0 to count − 1, with <paramref name="Low"/> = 0 and
/// <paramref name="High"/> = count − 1 (<see cref="Variant"/>); null for a number</param>
public sealed record UncertainInput(string Name, string Unit, double Nominal, double Low, double High,
    InputDistribution Distribution = InputDistribution.Uniform, string Source = "", IReadOnlyList<string>? Levels = null)
{
    /// <summary>The input's name.</summary>
    public string Name { get; init; } = CheckName(Name);

    /// <summary>The nominal value.</summary>
    public double Nominal { get; init; } = CheckRange(Name, Nominal, Low, High);

    /// <summary>The levels of a variant, or null for a number.</summary>
    public IReadOnlyList<string>? Levels { get; init; } = CheckLevels(Name, Levels, Nominal, Low, High, Distribution);

    /// <summary>Whether the input is a variant (its values index <see cref="Levels"/>) rather than a number.</summary>
    public bool IsVariant => Levels is not null;

    /// <summary>
    /// A variant: an input whose values are levels rather than numbers (where a threat is launched from, the shape it
    /// flies). A one-at-a-time design runs each level other than the nominal one; a sample draws the levels with equal
    /// probability; no flip of a variant is bisected (there is nothing between two levels).
    /// </summary>
    /// <param name="name">the input's name</param>
    /// <param name="levels">the levels' names, at least two, each once</param>
    /// <param name="nominal">the index of the nominal level</param>
    /// <param name="source">where the levels come from</param>
    public static UncertainInput Variant(string name, IReadOnlyList<string> levels, int nominal, string source = "")
    {
        ArgumentNullException.ThrowIfNull(levels);
        return new UncertainInput(name, "", nominal, 0, levels.Count - 1, InputDistribution.Uniform, source, [.. levels]);
    }

    /// <summary>The level a value of a variant stands for (its index rounded), or the value as text for a number.</summary>
    public string LevelOf(double value) =>
        Levels is { } levels ? levels[Math.Clamp((int)Math.Round(value), 0, levels.Count - 1)] : value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<string>? CheckLevels(string name, IReadOnlyList<string>? levels, double nominal, double low, double high, InputDistribution distribution)
    {
        if (levels is null)
        {
            return null;
        }

        if (levels.Count < 2 || levels.Distinct(StringComparer.Ordinal).Count() != levels.Count || levels.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"variant '{name}': need at least two levels, each named once, got [{string.Join(", ", levels)}]");
        }

        if (low != 0 || high != levels.Count - 1 || nominal != Math.Floor(nominal) || distribution != InputDistribution.Uniform)
        {
            throw new ArgumentException($"variant '{name}': its values are level indices 0 to {levels.Count - 1}, drawn uniformly, and its nominal one of them; got {low}, {nominal}, {high}");
        }

        return levels;
    }

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
    /// triangular (mode at the nominal value), the inverse of its distribution function; for a variant, the index of
    /// level ⌊u · count⌋ (the last level at u = 1).
    /// </summary>
    public double Quantile(double u)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(u, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(u, 1.0);
        if (Levels is { } levels)
        {
            // Each level an equal share of [0, 1]: a stratified sample draws them in equal numbers.
            return Math.Min(Math.Floor(u * levels.Count), levels.Count - 1);
        }

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
