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
}
