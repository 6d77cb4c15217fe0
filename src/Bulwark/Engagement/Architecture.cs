using Bulwark.Sensing;

namespace Bulwark.Engagement;

/// <summary>
/// A battery: interceptors of one type at one place, with an inventory, belonging to a coalition; its launchers (that
/// can fire at once) and the least time one launcher needs between two launches, s. Without launcher figures in the
/// file every interceptor has its own launcher and launches are not spaced (<c>launcher_count</c> = inventory,
/// <c>min_launch_interval_s</c> = 0).
/// </summary>
public sealed record Battery(string Id, string PlaceId, string InterceptorId, int Inventory, string Coalition, int Launchers, double MinLaunchIntervalS)
{
    /// <summary>A battery whose every interceptor has its own launcher, with no spacing between launches.</summary>
    public Battery(string id, string placeId, string interceptorId, int inventory, string coalition)
        : this(id, placeId, interceptorId, inventory, coalition, Math.Max(1, inventory), 0)
    {
    }
}

/// <summary>
/// An architecture: its batteries, sensors and network. Within a coalition every sensor's data reaches every battery
/// after <see cref="NetworkLatencyS"/>; across coalitions only where a share says so (e.g. Russia → NATO).
/// </summary>
public sealed record Architecture(
    string Id,
    string Name,
    int Year,
    string Status,
    IReadOnlyList<Battery> Batteries,
    IReadOnlyList<DeployedSensor> Sensors,
    double NetworkLatencyS,
    IReadOnlyList<(string From, string To)> Shares,
    bool LaunchOnRemote,
    bool EngageOnRemote,
    Doctrine Doctrine)
{
    /// <summary>The architecture's statuses.</summary>
    public static readonly string[] Statuses = ["deployed", "planned", "cancelled", "proposed"];

    /// <summary>The coalitions a battery or sensor may belong to.</summary>
    public static readonly string[] Coalitions = ["nato", "russia"];
}
