using System.Text.Json;

namespace Bulwark.Geography;

/// <summary>One Polygon or MultiPolygon geometry of a TopoJSON GeometryCollection, its arcs resolved into rings.</summary>
/// <param name="Id">the geometry's <c>id</c> (a number is given as its text), or null where it has none</param>
/// <param name="Name">the <c>name</c> property, or null</param>
/// <param name="Polygons">polygons, each a list of rings of (x, y) = (longitude, latitude) points, closed, as in the file</param>
internal sealed record TopoGeometry(string? Id, string? Name, IReadOnlyList<IReadOnlyList<(double X, double Y)[]>> Polygons);

/// <summary>
/// A small TopoJSON reader (topojson-specification 1.0): quantized, delta-encoded arcs with a <c>transform</c>, or
/// absolute arcs without one; Polygon and MultiPolygon geometries (other types are skipped); negative arc indexes
/// (one's complement: the arc reversed).
/// </summary>
/// <remarks>
/// Written here because no TopoJSON package for .NET is served to this build and the format is small: an arc is a
/// list of positions, the first absolute and the rest differences from the previous one (when quantized); a ring is a
/// list of arc indexes whose arcs join end to start, each arc after the first dropping its first position (it repeats
/// the previous arc's last).
/// </remarks>
internal static class TopoJson
{
    /// <summary>Reads the polygonal geometries of the GeometryCollection <paramref name="objectName"/>.</summary>
    /// <exception cref="FormatException">the document is not a TopoJSON topology with that object</exception>
    public static IReadOnlyList<TopoGeometry> ReadPolygons(ReadOnlySpan<byte> utf8Json, string objectName)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology")
            throw new FormatException("not a TopoJSON Topology");

        var arcs = ReadArcs(root);
        if (!root.TryGetProperty("objects", out var objects) || !objects.TryGetProperty(objectName, out var collection))
            throw new FormatException($"the topology has no object '{objectName}'");

        var result = new List<TopoGeometry>();
        if (collection.GetProperty("type").GetString() == "GeometryCollection")
        {
            foreach (var g in collection.GetProperty("geometries").EnumerateArray())
                if (ReadGeometry(g, arcs) is { } geometry) result.Add(geometry);
        }
        else if (ReadGeometry(collection, arcs) is { } single)
        {
            result.Add(single);
        }
        return result;
    }

    private static TopoGeometry? ReadGeometry(JsonElement g, (double X, double Y)[][] arcs)
    {
        string? kind = g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var polygons = new List<IReadOnlyList<(double X, double Y)[]>>();
        switch (kind)
        {
            case "Polygon":
                polygons.Add(ReadPolygon(g.GetProperty("arcs"), arcs));
                break;
            case "MultiPolygon":
                foreach (var p in g.GetProperty("arcs").EnumerateArray()) polygons.Add(ReadPolygon(p, arcs));
                break;
            default:
                return null;
        }

        string? id = null;
        if (g.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            };
        }
        string? name = g.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            && props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;
        return new TopoGeometry(id, name, polygons);
    }

    private static List<(double X, double Y)[]> ReadPolygon(JsonElement rings, (double X, double Y)[][] arcs)
    {
        var result = new List<(double X, double Y)[]>();
        foreach (var ring in rings.EnumerateArray())
        {
            var points = new List<(double X, double Y)>();
            foreach (var indexElement in ring.EnumerateArray())
            {
                int index = indexElement.GetInt32();
                var arc = arcs[index >= 0 ? index : ~index];
                int start = points.Count == 0 ? 0 : 1;   // each arc after the first repeats the previous arc's end
                if (index >= 0)
                {
                    for (int i = start; i < arc.Length; i++) points.Add(arc[i]);
                }
                else
                {
                    for (int i = arc.Length - 1 - start; i >= 0; i--) points.Add(arc[i]);
                }
            }
            result.Add([.. points]);
        }
        return result;
    }

    private static (double X, double Y)[][] ReadArcs(JsonElement root)
    {
        bool quantized = root.TryGetProperty("transform", out var transform);
        double sx = 1, sy = 1, tx = 0, ty = 0;
        if (quantized)
        {
            var scale = transform.GetProperty("scale");
            var translate = transform.GetProperty("translate");
            sx = scale[0].GetDouble();
            sy = scale[1].GetDouble();
            tx = translate[0].GetDouble();
            ty = translate[1].GetDouble();
        }

        var arcsElement = root.GetProperty("arcs");
        var arcs = new (double X, double Y)[arcsElement.GetArrayLength()][];
        int k = 0;
        foreach (var arcElement in arcsElement.EnumerateArray())
        {
            var arc = new (double X, double Y)[arcElement.GetArrayLength()];
            long x = 0, y = 0;
            int i = 0;
            foreach (var position in arcElement.EnumerateArray())
            {
                if (quantized)
                {
                    x += position[0].GetInt64();
                    y += position[1].GetInt64();
                    arc[i++] = (x * sx + tx, y * sy + ty);
                }
                else
                {
                    arc[i++] = (position[0].GetDouble(), position[1].GetDouble());
                }
            }
            arcs[k++] = arc;
        }
        return arcs;
    }
}
