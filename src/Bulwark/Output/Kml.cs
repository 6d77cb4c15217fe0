using System.Xml.Linq;
using Bulwark.Output.Scenes;

namespace Bulwark.Output;

/// <summary>
/// A small KML 2.2 writer (System.Xml.Linq; no KML package is served here, and the subset needed is small): folders of
/// placemarks — points and 3-D lines with absolute altitudes — for Google Earth.
/// </summary>
public sealed class Kml
{
    public static readonly XNamespace Ns = "http://www.opengis.net/kml/2.2";
    private readonly XElement _document;
    private readonly Dictionary<string, XElement> _folders = [];

    public Kml(string name)
    {
        _document = new XElement(Ns + "Document", new XElement(Ns + "name", name));
        foreach (SceneStyle style in Enum.GetValues<SceneStyle>())
        {
            AddStyle(ScenePalette.Name(style), ScenePalette.KmlColour(style), style is SceneStyle.Coverage or SceneStyle.Footprint ? 1 : 2);
        }
    }

    /// <summary>A point placemark (longitude, latitude in degrees; height in metres above the ellipsoid).</summary>
    public Kml Point(string folder, string name, double lonDeg, double latDeg, double heightM, string style, string? description = null)
    {
        Folder(folder).Add(new XElement(Ns + "Placemark",
            new XElement(Ns + "name", name),
            description is null ? null : new XElement(Ns + "description", description),
            new XElement(Ns + "styleUrl", "#" + style),
            new XElement(Ns + "Point",
                new XElement(Ns + "altitudeMode", heightM > 0 ? "absolute" : "clampToGround"),
                new XElement(Ns + "coordinates", Coordinate(lonDeg, latDeg, heightM)))));
        return this;
    }

    /// <summary>A 3-D line placemark through (longitude, latitude, height in metres) points.</summary>
    public Kml Line(string folder, string name, IEnumerable<(double LonDeg, double LatDeg, double HeightM)> points, string style, string? description = null)
    {
        Folder(folder).Add(new XElement(Ns + "Placemark",
            new XElement(Ns + "name", name),
            description is null ? null : new XElement(Ns + "description", description),
            new XElement(Ns + "styleUrl", "#" + style),
            new XElement(Ns + "LineString",
                new XElement(Ns + "altitudeMode", "absolute"),
                new XElement(Ns + "coordinates", string.Join(" ", points.Select(p => Coordinate(p.LonDeg, p.LatDeg, p.HeightM)))))));
        return this;
    }

    /// <summary>A polygon placemark on the ground through (longitude, latitude) points (the ring is closed if it is not).</summary>
    public Kml Polygon(string folder, string name, IReadOnlyList<(double LonDeg, double LatDeg)> ring, string style, string? description = null)
    {
        var points = SceneGeoJson.Closed(ring);
        Folder(folder).Add(new XElement(Ns + "Placemark",
            new XElement(Ns + "name", name),
            description is null ? null : new XElement(Ns + "description", description),
            new XElement(Ns + "styleUrl", "#" + style),
            new XElement(Ns + "Polygon",
                new XElement(Ns + "tessellate", 1),
                new XElement(Ns + "outerBoundaryIs", new XElement(Ns + "LinearRing",
                    new XElement(Ns + "coordinates", string.Join(" ", points.Select(p => Coordinate(p.LonDeg, p.LatDeg, 0)))))))));
        return this;
    }

    public override string ToString() =>
        new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Ns + "kml", _document)).Declaration + "\n"
        + new XElement(Ns + "kml", _document).ToString() + "\n";

    private XElement Folder(string name)
    {
        if (!_folders.TryGetValue(name, out XElement? folder))
        {
            folder = new XElement(Ns + "Folder", new XElement(Ns + "name", name));
            _folders[name] = folder;
            _document.Add(folder);
        }

        return folder;
    }

    private void AddStyle(string id, string colour, double width) =>
        _document.Add(new XElement(Ns + "Style", new XAttribute("id", id),
            new XElement(Ns + "LineStyle", new XElement(Ns + "color", colour), new XElement(Ns + "width", width)),
            new XElement(Ns + "PolyStyle", new XElement(Ns + "color", colour)),
            new XElement(Ns + "IconStyle", new XElement(Ns + "color", colour))));

    private static string Coordinate(double lon, double lat, double h) =>
        $"{Text.Fixed(TrajectoryGeoJson.NormalizeLongitude(lon), 6)},{Text.Fixed(lat, 6)},{Text.Fixed(h, 1)}";
}
