using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bulwark.Sweeps;

/// <summary>
/// The store's JSON for a run's inputs (<c>{"name": value, …}</c>) and outcomes (numbers as numbers, yes/no as
/// <c>true</c>/<c>false</c>), in order. Numbers are written as the shortest text that reads back to the same double
/// ("R"), so a stored run reads back bit for bit; NaN and the infinities, which JSON lacks, are the strings
/// <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// </summary>
internal static class RunJson
{
    public static string Inputs(InputSet inputs) =>
        Write(w =>
        {
            foreach (var (name, value) in inputs.Values)
            {
                w.WritePropertyName(name);
                WriteNumber(w, value);
            }
        });

    public static string Outcomes(Outcomes outcomes) =>
        Write(w =>
        {
            foreach (Outcome o in outcomes.Items)
            {
                w.WritePropertyName(o.Name);
                if (o.Kind == OutcomeKind.YesNo)
                {
                    w.WriteBooleanValue(o.IsYes);
                }
                else
                {
                    WriteNumber(w, o.Value);
                }
            }
        });

    public static InputSet ReadInputs(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return new InputSet(doc.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, ReadNumber(p.Value))));
    }

    public static Outcomes ReadOutcomes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var outcomes = new Outcomes();
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            _ = p.Value.ValueKind switch
            {
                JsonValueKind.True => outcomes.YesNo(p.Name, true),
                JsonValueKind.False => outcomes.YesNo(p.Name, false),
                _ => outcomes.Number(p.Name, ReadNumber(p.Value)),
            };
        }

        return outcomes;
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            w.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static double ReadNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => double.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new InvalidDataException($"a stored number is the string '{s}'"),
        },
        _ => throw new InvalidDataException($"a stored number is a JSON {e.ValueKind}"),
    };
}
