namespace Bulwark.Output.Scenes;

/// <summary>A <see cref="GeoScene"/> as CZML (<see cref="Czml"/>): tracks as sampled Earth-fixed paths, markers as points, areas as polygons.</summary>
internal static class SceneCzml
{
    public static string Write(GeoScene scene, DateTimeOffset? epoch)
    {
        var czml = new Czml(scene.Name, epoch);
        foreach (SceneItem item in scene.Items)
        {
            int[] rgba = ScenePalette.Rgba(item.Style);
            switch (item)
            {
                case SceneTrack t:
                    czml.Path(t.Id, t.Name, [.. t.Samples.Select(s => (s.TimeS, s.EcefM))], rgba, description: t.Description, hold: true);
                    break;
                case SceneMarker m:
                    czml.Point(m.Id, m.Name, m.EcefM, rgba, m.FromS, m.Description, label: m.Style != SceneStyle.Detection);
                    break;
                case SceneArea a:
                    czml.Polygon(a.Id, a.Name, a.Ring, rgba, a.Description);
                    break;
            }
        }

        return czml.ToString();
    }
}
