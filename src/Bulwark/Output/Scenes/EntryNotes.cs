using Bulwark.Catalog;

namespace Bulwark.Output.Scenes;

/// <summary>One headline figure of a catalog entry with where it comes from.</summary>
public sealed record EntryNote(string EntryId, string EntryName, string Label, string Value, string? Confidence, string? Citation);

/// <summary>The headline figures of catalog entries (<see cref="KeyFigures"/>) with their confidence and citation: the sources shown beside a scene.</summary>
public static class EntryNotes
{
    public static IReadOnlyList<EntryNote> Of(BulwarkCatalog catalog, string kind, string id)
    {
        CatalogEntry e = catalog.Get(kind, id);
        return [.. KeyFigures.Of(e).Select(f =>
        {
            Provenance? p = f.Path is { } path ? e.ProvenanceOf(path) : e.ProvenanceOf("*");
            string? citation = p?.SourceId is { } sid && catalog.Sources.TryGetValue(sid, out Source? s) ? s.Citation : p?.SourceId;
            return new EntryNote(e.Id, e.Name, f.Label, f.Value, p is null ? null : Provenance.Name(p.Confidence), citation);
        })];
    }

    /// <summary>"Name — label: value (confidence; citation); …" for a scene item's description.</summary>
    public static string Describe(BulwarkCatalog catalog, string kind, string id)
    {
        var notes = Of(catalog, kind, id);
        string name = catalog.Get(kind, id).Name;
        return notes.Count == 0 ? name : name + " — " + string.Join("; ", notes.Select(n =>
            $"{n.Label}: {n.Value}" + (n.Confidence is null ? "" : $" ({n.Confidence}" + (n.Citation is null ? ")" : $"; {n.Citation})"))));
    }
}
