using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Output.Scenes;

/// <summary>One sample of a track: time since the scenario epoch (s), Earth-fixed position (m) and its geodetic form.</summary>
public readonly record struct SceneSample(double TimeS, Vec3 EcefM, Geodetic Position)
{
    /// <summary>A sample from an Earth-fixed position, its geodetic form on WGS-84 (the ellipsoid CesiumJS draws).</summary>
    public static SceneSample FromEcef(double timeS, Vec3 ecefM) => new(timeS, ecefM, Ellipsoid.Wgs84.ToGeodetic(ecefM));
}

/// <summary>What a scene holds, in the order added: a moving track, a fixed marker or a ground area.</summary>
public abstract record SceneItem(string Layer, string Id, string Name, SceneStyle Style, string? Description);

/// <summary>A trajectory: drawn as a moving point with its path (CZML), a 3-D line (KML, GeoJSON).</summary>
public sealed record SceneTrack(string Layer, string Id, string Name, SceneStyle Style, string? Description, IReadOnlyList<SceneSample> Samples)
    : SceneItem(Layer, Id, Name, Style, Description);

/// <summary>A fixed point (a site, an intercept, a detection), shown from <see cref="FromS"/> on when that is set.</summary>
public sealed record SceneMarker(string Layer, string Id, string Name, SceneStyle Style, string? Description, Geodetic Position, double? FromS)
    : SceneItem(Layer, Id, Name, Style, Description)
{
    public Vec3 EcefM => Ellipsoid.Wgs84.ToEcef(Position);
}

/// <summary>An area on the ground through (longitude, latitude) points in degrees (a radar's coverage, a footprint).</summary>
public sealed record SceneArea(string Layer, string Id, string Name, SceneStyle Style, string? Description, IReadOnlyList<(double LonDeg, double LatDeg)> Ring)
    : SceneItem(Layer, Id, Name, Style, Description);

/// <summary>
/// A geographic scene — tracks, markers, areas — written three ways that agree on every coordinate: CZML for CesiumJS
/// (time-dynamic, Earth-fixed samples), KML 2.2 for Google Earth, GeoJSON (RFC 7946) for GIS. Every verb with geometry
/// builds one of these, and the viewer of <c>bulwark serve</c> loads its CZML.
/// </summary>
public sealed class GeoScene(string name)
{
    private readonly List<SceneItem> _items = [];

    public string Name { get; } = name;

    public IReadOnlyList<SceneItem> Items => _items;

    /// <summary>A track; none is added for no samples, and one sample is refused (a line needs two: RFC 7946 §3.1.4, KML LineString).</summary>
    public GeoScene Track(string layer, string id, string name, SceneStyle style, IReadOnlyList<SceneSample> samples, string? description = null)
    {
        if (samples.Count == 1)
        {
            throw new ArgumentException($"track '{id}' has one sample; a track needs two or more", nameof(samples));
        }

        if (samples.Count > 1)
        {
            _items.Add(new SceneTrack(layer, id, name, style, description, samples));
        }

        return this;
    }

    /// <summary>A track from Earth-fixed samples (time s, position m).</summary>
    public GeoScene Track(string layer, string id, string name, SceneStyle style, IEnumerable<(double TimeS, Vec3 EcefM)> samples, string? description = null) =>
        Track(layer, id, name, style, [.. samples.Select(s => SceneSample.FromEcef(s.TimeS, s.EcefM))], description);

    public GeoScene Marker(string layer, string id, string name, SceneStyle style, Geodetic position, double? fromS = null, string? description = null)
    {
        _items.Add(new SceneMarker(layer, id, name, style, description, position, fromS));
        return this;
    }

    public GeoScene Area(string layer, string id, string name, SceneStyle style, IReadOnlyList<(double LonDeg, double LatDeg)> ring, string? description = null)
    {
        // Kept open (no repeated closing point): GeoJSON and KML close it, CZML polygons are open.
        var open = ring.Count > 1 && ring[0] == ring[^1] ? ring.Take(ring.Count - 1).ToList() : ring;
        if (open.Count >= 3)
        {
            _items.Add(new SceneArea(layer, id, name, style, description, open));
        }

        return this;
    }

    /// <summary>CZML: the document packet first, then one packet per item (ids are the items' ids).</summary>
    public string ToCzml(DateTimeOffset? epoch = null) => SceneCzml.Write(this, epoch);

    /// <summary>KML 2.2: one folder per layer, one placemark per item.</summary>
    public string ToKml() => SceneKml.Write(this);

    /// <summary>GeoJSON: one feature per item, with <c>layer</c>, <c>id</c>, <c>name</c> and <c>style</c> properties.</summary>
    public string ToGeoJson(IReadOnlyDictionary<string, string>? properties = null) => SceneGeoJson.Write(this, properties);
}
