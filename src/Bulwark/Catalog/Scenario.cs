namespace Bulwark.Catalog;

/// <summary>
/// A loaded scenario: the catalog as the scenario sees it (the built-in catalog with the scenario's overrides and own
/// entries), the architecture it studies and the threats it flies.
/// </summary>
public sealed record Scenario(string File, string Name, BulwarkCatalog Catalog, Architecture? Architecture, IReadOnlyList<Threat> Threats);
