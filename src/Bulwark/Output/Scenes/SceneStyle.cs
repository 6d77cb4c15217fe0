using Bulwark.Flight.Targeting;
namespace Bulwark.Output.Scenes;

/// <summary>What an item is, which fixes its colour in every format (and in the viewer's legend).</summary>
public enum SceneStyle
{
    Threat,
    Interceptor,
    Intercept,
    Site,
    Radar,
    Coverage,
    Detection,
    Footprint,
}

/// <summary>The one palette of the exports: RGBA, 0–255.</summary>
public static class ScenePalette
{
    public static int[] Rgba(SceneStyle style) => style switch
    {
        SceneStyle.Threat => [230, 40, 40, 255],
        SceneStyle.Interceptor => [40, 120, 255, 255],
        SceneStyle.Intercept => [255, 220, 0, 255],
        SceneStyle.Site => [0, 170, 0, 255],
        SceneStyle.Radar => [255, 140, 0, 255],
        SceneStyle.Coverage => [255, 140, 0, 60],
        SceneStyle.Detection => [255, 255, 255, 255],
        SceneStyle.Footprint => [0, 200, 120, 70],
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };

    /// <summary>The style's name in files: <c>threat</c>, <c>interceptor</c>, …</summary>
    public static string Name(SceneStyle style) => style.ToString().ToLowerInvariant();

    /// <summary>KML's colour order, aabbggrr in hex.</summary>
    public static string KmlColour(SceneStyle style)
    {
        int[] c = Rgba(style);
        return $"{c[3]:x2}{c[2]:x2}{c[1]:x2}{c[0]:x2}";
    }
}
