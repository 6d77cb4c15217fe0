using Bulwark.Catalog;

namespace Bulwark.Output.Json;

/// <summary><c>bulwark catalog --format json</c>: each entry's numbers with unit, confidence, source and citation.</summary>
public static class CatalogJson
{
    public static string Write(BulwarkCatalog catalog, IReadOnlyList<CatalogEntry> entries)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (CatalogEntry e in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("kind", e.Kind);
                w.WriteString("name", e.Name);
                w.WriteStartArray("numbers");
                foreach (CatalogNumber number in e.Figures())
                {
                    string path = number.Path;
                    Provenance? p = e.ProvenanceOf(path);
                    w.WriteStartObject();
                    w.WriteString("key", path);
                    w.WriteNumber("value", number.Value);
                    w.WriteString("unit", Units.Of(path));
                    w.WriteString("confidence", p is null ? null : Provenance.Name(p.Confidence));
                    w.WriteString("source", p?.SourceId);
                    w.WriteString("citation", p?.SourceId is { } id && catalog.Sources.TryGetValue(id, out Source? s) ? s.Citation : null);
                    if (p?.CalibratedTo is { } c)
                    {
                        w.WriteString("calibrated_to", c);
                    }

                    if (p?.Derivation is { } d)
                    {
                        w.WriteString("derivation", d);
                    }

                    if (p?.Note is { } n)
                    {
                        w.WriteString("note", n);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }
}
