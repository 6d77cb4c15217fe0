using Bulwark.Flight.Propagation;

namespace Bulwark.Output;

/// <summary>One trajectory as a CZML document (see <see cref="Czml"/>).</summary>
public static class TrajectoryCzml
{
    /// <summary>The default absolute epoch for t = 0 (<see cref="Czml.DefaultEpoch"/>).</summary>
    public static DateTimeOffset DefaultEpoch => Czml.DefaultEpoch;

    public static string Write(IReadOnlyList<TrajectoryPoint> points, string id, string name, DateTimeOffset? epoch = null) =>
        new Czml(name, epoch).Path(id, name, [.. points.Select(p => (p.TimeS, p.PositionEcefM))], [255, 64, 64, 255]).ToString();
}
