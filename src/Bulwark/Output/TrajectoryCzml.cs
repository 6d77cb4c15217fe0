using Bulwark.Flight.Propagation;
using Bulwark.Output.Scenes;

namespace Bulwark.Output;

/// <summary>One trajectory as a scene (<see cref="GeoScene"/>): a single track, written as CZML, KML or GeoJSON.</summary>
public static class TrajectoryScene
{
    /// <summary>The trajectory as a one-track scene; KML and GeoJSON take the flight's own geodetic positions.</summary>
    public static GeoScene Of(IReadOnlyList<TrajectoryPoint> points, string id, string name) =>
        new GeoScene(name).Track("trajectory", id, name, SceneStyle.Threat, [.. points.Select(p => new SceneSample(p.TimeS, p.PositionEcefM, p.Position))]);
}

/// <summary>One trajectory as a CZML document (see <see cref="Czml"/>).</summary>
public static class TrajectoryCzml
{
    /// <summary>The default absolute epoch for t = 0 (<see cref="Czml.DefaultEpoch"/>).</summary>
    public static DateTimeOffset DefaultEpoch => Czml.DefaultEpoch;

    public static string Write(IReadOnlyList<TrajectoryPoint> points, string id, string name, DateTimeOffset? epoch = null) =>
        TrajectoryScene.Of(points, id, name).ToCzml(epoch);
}
