using Bulwark.Catalog;

namespace Bulwark.Catalog.Studies;

/// <summary>
/// A comparison study (docs/studies.md): what <c>bulwark compare</c> runs — architectures, threat classes, resolution,
/// NATO's members, the shots threat set and the deterrent question — named and described, with the provenance of its
/// numbers. Read from a study file by <c>Bulwark.Catalog.Reading.StudyReader</c>; <c>lisbon-2010</c> is shipped
/// (<c>studies/lisbon-2010.yaml</c>). The record knows nothing of YAML.
/// </summary>
/// <param name="Id">kebab-case id (<c>lisbon-2010</c>)</param>
/// <param name="Name">for people; the report's title</param>
/// <param name="Description">what the study asks, or null</param>
/// <param name="Source">where it was read from: a file path, or <c>studies/ID.yaml</c> for a shipped study</param>
/// <param name="Options">what the comparison runs</param>
public sealed record Study(string Id, string Name, string? Description, string Source, ComparisonOptions Options)
{
    /// <summary>The shipped study of the Lisbon summit's seven architectures (studies/lisbon-2010.yaml).</summary>
    public const string Lisbon2010 = "lisbon-2010";

    /// <summary>Key paths of the study's numbers ("*", "step_deg", "deterrent.delays_s") and the provenance they give.</summary>
    public IReadOnlyList<(string Key, Provenance Provenance)> Provenance { get; init; } = [];

    /// <summary>How <c>bulwark sweep</c> runs it (its <c>sweep:</c> and <c>uncertain:</c> blocks; defaults when absent).</summary>
    public SweepSettings Sweep { get; init; } = SweepSettings.Default;

    /// <summary>The study's own sources (its <c>sources:</c> block), beside the catalog's bibliography, by id.</summary>
    public IReadOnlyDictionary<string, Source> Sources { get; init; } = new Dictionary<string, Source>();

    /// <summary>The study file's text as read (a sweep's runs are keyed by it, and a cluster's workers read it again).</summary>
    public string Text { get; init; } = "";
}
