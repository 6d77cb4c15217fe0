using Bulwark.Caching;

namespace Bulwark.Output.Json;

/// <summary>
/// The JSON of <c>bulwark cache</c>: what the store holds (<c>directory, enabled, entries, bytes, max_bytes, temp_files,
/// kinds[] {kind, entries, bytes}</c>), and what a clear removed (<c>directory, kind, removed</c>).
/// </summary>
public static class CacheJson
{
    /// <param name="usage">the store's contents</param>
    /// <param name="enabled">whether analyses use the store (false under <c>BULWARK_CACHE=off</c>)</param>
    public static string Usage(StoreUsage usage, bool enabled) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("directory", usage.Directory);
        w.WriteBoolean("enabled", enabled);
        w.WriteNumber("entries", usage.Entries);
        w.WriteNumber("bytes", usage.Bytes);
        w.WriteNumber("max_bytes", usage.MaxBytes);
        w.WriteNumber("temp_files", usage.TempFiles);
        w.WriteStartArray("kinds");
        foreach (KindUsage k in usage.Kinds)
        {
            w.WriteStartObject();
            w.WriteString("kind", k.Kind);
            w.WriteNumber("entries", k.Entries);
            w.WriteNumber("bytes", k.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <param name="directory">the store's folder</param>
    /// <param name="kind">the kind cleared, or null for every kind</param>
    /// <param name="removed">entries removed</param>
    public static string Cleared(string directory, string? kind, int removed) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("directory", directory);
        w.WriteString("kind", kind);
        w.WriteNumber("removed", removed);
        w.WriteEndObject();
    });
}
