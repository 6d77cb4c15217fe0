namespace Bulwark.Catalog;

/// <summary>How sure a number is (DESIGN §6).</summary>
public enum Confidence
{
    /// <summary>Stated in the primary source.</summary>
    Published,

    /// <summary>A primary figure quoted second-hand, or an encyclopedic or low-provenance value.</summary>
    Reported,

    /// <summary>Computed here from published figures, with the derivation.</summary>
    Derived,

    /// <summary>Chosen, not published; calibrated to a published figure, which is cited.</summary>
    Notional,
}

/// <summary>Where a number comes from.</summary>
/// <param name="Confidence">how sure it is</param>
/// <param name="SourceId">the id of its source in the bibliography (for notional numbers: the source of the figure calibrated to)</param>
/// <param name="CalibratedTo">for notional numbers: the published figure they are chosen to reproduce</param>
/// <param name="Derivation">for derived numbers: how they were computed</param>
/// <param name="Note">anything a reader checking the assumption should know</param>
public sealed record Provenance(Confidence Confidence, string? SourceId, string? CalibratedTo = null, string? Derivation = null, string? Note = null)
{
    /// <summary>The source id of numbers a scenario sets (its <c>overrides:</c>, or its own entries that say so).</summary>
    public const string ScenarioSourceId = "scenario";

    /// <summary>Set by a scenario's <c>overrides:</c>, laid over a catalog entry (not a number of the entry as written).</summary>
    public bool IsScenarioOverride { get; init; }

    public static string Name(Confidence c) => c.ToString().ToLowerInvariant();
}

/// <summary>An entry of the bibliography.</summary>
public sealed record Source(string Id, string Author, string Title, int? Year, string? Where, string? Url)
{
    /// <summary>"Author, Title (Year), where".</summary>
    public string Citation
    {
        get
        {
            string s = $"{Author}, \u201c{Title}\u201d";
            if (Year is { } y)
            {
                s += $" ({y})";
            }

            if (Where is { Length: > 0 } w)
            {
                s += $", {w}";
            }

            return s;
        }
    }
}
