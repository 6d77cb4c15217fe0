using Bulwark.Sweeps;

namespace Bulwark.Catalog;

/// <summary>
/// The range the open record allows for one number of a catalog entry (or a study's), beside its nominal value: read from
/// the entry's <c>uncertain:</c> block (docs/catalog-format.md, "Uncertain numbers"), in the number's own unit, with its
/// own provenance. <c>bulwark sweep</c> varies the number over it (docs/sweeps.md).
/// </summary>
/// <param name="EntryId">the entry whose number it is</param>
/// <param name="Path">the number's key path in the entry (<c>burnout_speed_km_s</c>, <c>guidance.pitch_over_s</c>)</param>
/// <param name="Low">the range's low end, in the number's unit</param>
/// <param name="High">the range's high end</param>
/// <param name="Distribution">how a sampled sweep draws it</param>
/// <param name="Provenance">where the range comes from</param>
public sealed record NumberRange(string EntryId, string Path, double Low, double High, InputDistribution Distribution, Provenance Provenance)
{
    /// <summary>The number's name in a sweep: <c>ENTRY.PATH</c> (<c>gbi-2-stage-mda.burnout_speed_km_s</c>).</summary>
    public string Name => $"{EntryId}.{Path}";

    /// <summary>The unit, as the key's suffix names it (<see cref="Units.Of"/>), or empty.</summary>
    public string Unit => Units.Of(Path) ?? "";
}
