using Bulwark.Raids;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;
namespace Bulwark.Catalog;

/// <summary>
/// A loaded scenario: the catalog as the scenario sees it (the built-in catalog with the scenario's overrides and own
/// entries), the architecture it studies, the threats it flies and the raid it launches.
/// </summary>
public sealed record Scenario(string File, string Name, BulwarkCatalog Catalog, Architecture? Architecture, IReadOnlyList<Threat> Threats)
{
    /// <summary>The raid the scenario launches (its <c>raid:</c> section), or null.</summary>
    public Raid? Raid { get; init; }

    /// <summary>Where the file's top-level mapping starts (missing top-level keys are reported there).</summary>
    public (int Line, int Column) Start { get; init; } = (1, 1);

    /// <summary>A top-level key this use of the scenario needs and the file lacks, located at the top-level mapping.</summary>
    public InputException Missing(string key, string problem) => new(File, Start.Line, Start.Column, key, problem);
}
