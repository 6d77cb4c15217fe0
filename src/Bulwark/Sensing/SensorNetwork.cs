namespace Bulwark.Sensing;

/// <summary>A sensor or battery on the network: its id, coalition and place (null for a space sensor).</summary>
public sealed record NetworkNode(string Id, string Coalition, string? PlaceId);

/// <summary>
/// Who hears whom: within a coalition every sensor reaches every battery; across coalitions only where a share says so.
/// Data from a sensor at another place arrives after <see cref="LatencyS"/>; a battery may fire on a remote sensor's
/// fire-control track only when <see cref="LaunchOnRemote"/>.
/// </summary>
public sealed record NetworkRules(double LatencyS, IReadOnlyList<(string From, string To)> Shares, bool LaunchOnRemote)
{
    public bool Reaches(NetworkNode sensor, NetworkNode battery) =>
        sensor.Coalition == battery.Coalition || Shares.Contains((sensor.Coalition, battery.Coalition));

    /// <summary>Whether the sensor is the battery's own (at the same place).</summary>
    public static bool Organic(NetworkNode sensor, NetworkNode battery) => sensor.PlaceId is not null && sensor.PlaceId == battery.PlaceId;

    public double LatencyFor(NetworkNode sensor, NetworkNode battery) => Organic(sensor, battery) ? 0 : LatencyS;
}

/// <summary>
/// When a battery first knows of a threat (cue) and first holds a track it may fire on, with the sensor and path behind
/// each (null where never).
/// </summary>
public sealed record BatteryPicture(string BatteryId, double? CueS, string? CueSensor, string? CuePath, double? FireControlS, string? FireControlSensor, string? FireControlPath);

/// <summary>Combines sensor timelines over the network into what each battery knows, and when.</summary>
public static class SensorNetwork
{
    public static BatteryPicture For(NetworkNode battery, IReadOnlyList<(NetworkNode Sensor, SensorTimeline Timeline)> sensors, NetworkRules rules)
    {
        (double T, NetworkNode S)? cue = null, fc = null;
        foreach (var (sensor, timeline) in sensors)
        {
            if (!rules.Reaches(sensor, battery))
            {
                continue;
            }

            double latency = rules.LatencyFor(sensor, battery);
            if (timeline.FirstDetectS is { } d && (cue is null || d + latency < cue.Value.T))
            {
                cue = (d + latency, sensor);
            }

            bool mayFire = NetworkRules.Organic(sensor, battery) || rules.LaunchOnRemote;
            if (mayFire && timeline.FireControlS is { } f && (fc is null || f + latency < fc.Value.T))
            {
                fc = (f + latency, sensor);
            }
        }

        return new BatteryPicture(battery.Id, cue?.T, cue?.S.Id, cue is { } c ? Path(c.S, battery, rules) : null,
            fc?.T, fc?.S.Id, fc is { } x ? Path(x.S, battery, rules) : null);
    }

    private static string Path(NetworkNode sensor, NetworkNode battery, NetworkRules rules) =>
        NetworkRules.Organic(sensor, battery)
            ? $"{sensor.Id} (organic) → {battery.Id}"
            : FormattableString.Invariant($"{sensor.Id} ({sensor.Coalition}) → network (+{rules.LatencyS:0.#} s) → {battery.Id} ({battery.Coalition})");
}
