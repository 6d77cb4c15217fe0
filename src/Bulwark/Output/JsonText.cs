using System.Text;
using System.Text.Json;

namespace Bulwark.Output;

/// <summary>Writes a JSON document with <see cref="Utf8JsonWriter"/> and returns it as text ending in a newline.</summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> body, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            body(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
