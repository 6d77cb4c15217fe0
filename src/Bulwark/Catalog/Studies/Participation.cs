namespace Bulwark.Catalog.Studies;

/// <summary>
/// A study's "what participation adds" question: architectures that add a partner (for Lisbon 2010, Russia's radars or
/// interceptors) to a baseline architecture, compared cell by cell and shot by shot with it (docs/studies.md).
/// </summary>
/// <param name="Label">the partner's participation, for people ("Russian participation")</param>
/// <param name="BaselineId">the architecture without the partner</param>
/// <param name="AddedIds">the architectures with the partner</param>
/// <param name="Note">what the reader should know of how the partner's assets are modelled (the report prints it)</param>
public sealed record Participation(string Label, string BaselineId, IReadOnlyList<string> AddedIds, string? Note);
