namespace Bulwark.Output.Scenes;

/// <summary>A <see cref="GeoScene"/> as KML 2.2 (<see cref="Kml"/>): one folder per layer.</summary>
internal static class SceneKml
{
    public static string Write(GeoScene scene)
    {
        var kml = new Kml(scene.Name);
        foreach (SceneItem item in scene.Items)
        {
            string style = ScenePalette.Name(item.Style);
            switch (item)
            {
                case SceneTrack t:
                    kml.Line(t.Layer, t.Name, t.Samples.Select(s => (s.Position.LongitudeDeg, s.Position.LatitudeDeg, s.Position.HeightM)), style, t.Description);
                    break;
                case SceneMarker m:
                    kml.Point(m.Layer, m.Name, m.Position.LongitudeDeg, m.Position.LatitudeDeg, m.Position.HeightM, style, m.Description);
                    break;
                case SceneArea a:
                    kml.Polygon(a.Layer, a.Name, a.Ring, style, a.Description);
                    break;
            }
        }

        return kml.ToString();
    }
}
