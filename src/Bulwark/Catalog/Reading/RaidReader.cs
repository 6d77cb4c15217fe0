using System.Globalization;
using Bulwark.Flight.Targeting;
using Bulwark.Raids;
using Bulwark.Engagement;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads a scenario's <c>raid:</c> section (docs/raids.md) into a <see cref="Raid"/>.</summary>
public static class RaidReader
{
    /// <summary>Reads a <c>raid:</c> section, checking its missiles and places against <paramref name="catalog"/>.</summary>
    public static Raid Read(YamlNode node, BulwarkCatalog catalog)
    {
        node.OnlyKeys("missiles", "window", "target_values", "firing", "launch_time_uncertainty_s", "sensor_delay_max_s");
        YamlNode list = node.Get("missiles");
        var groups = list.Items().Select(g => ReadGroup(g, catalog)).ToList();
        if (groups.Count == 0)
        {
            throw list.Error("expected at least one group of missiles");
        }

        int total = groups.Sum(g => g.Count);
        if (total > Raid.MaxMissiles)
        {
            throw list.Error(string.Create(CultureInfo.InvariantCulture, $"{total} missiles; a raid holds at most {Raid.MaxMissiles}"));
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node.TryGet("target_values") is { } tv)
        {
            foreach (var (place, value) in tv.Entries())
            {
                catalog.Get("places", place, value);
                values[place] = value.Number(0, 1e9, "a target value from 0 to 1e9");
            }
        }

        var firing = FiringMode.Adaptive;
        if (node.TryGet("firing") is { } f)
        {
            firing = f.String() switch
            {
                "adaptive" => FiringMode.Adaptive,
                "shoot-look-shoot" => FiringMode.ShootLookShoot,
                "salvo" => FiringMode.Salvo,
                string other => throw f.Error($"unknown firing '{other}'; expected adaptive, shoot-look-shoot or salvo"),
            };
        }

        double jitter = node.TryGet("launch_time_uncertainty_s")?.NonNegative("a launch-time uncertainty in seconds") ?? 0;
        double delay = node.TryGet("sensor_delay_max_s")?.NonNegative("a sensor delay in seconds") ?? 0;
        return new Raid(groups, ReadWindow(node.TryGet("window"), groups), values, firing, jitter, delay);
    }

    private static RaidGroup ReadGroup(YamlNode g, BulwarkCatalog catalog)
    {
        g.OnlyKeys("missile", "from", "to", "targets", "count", "shape");
        YamlNode missile = g.Get("missile");
        catalog.Get("missiles", missile.String(), missile);
        YamlNode from = g.Get("from");
        catalog.Get("places", from.String(), from);
        int count = g.TryGet("count") is { } c ? c.Count(1, Raid.MaxMissiles, $"a number of missiles from 1 to {Raid.MaxMissiles}") : 1;
        TrajectoryShape shape = TrajectoryShape.MinimumEnergy;
        if (g.TryGet("shape") is { } s)
        {
            shape = TrajectoryShapeNames.Parse(s.String()) ?? throw s.Error($"unknown shape '{s.String()}'; expected minimum-energy, lofted or depressed");
        }

        List<RaidTarget> targets;
        switch (g.TryGet("to"), g.TryGet("targets"))
        {
            case ({ } to, null):
                catalog.Get("places", to.String(), to);
                targets = [new RaidTarget(to.String(), 1)];
                break;
            case (null, { } set):
                targets = [.. set.Items().Select(t =>
                {
                    t.OnlyKeys("place", "weight");
                    YamlNode place = t.Get("place");
                    catalog.Get("places", place.String(), place);
                    double w = t.TryGet("weight")?.Positive("a positive weight") ?? 1;
                    return new RaidTarget(place.String(), w);
                })];
                if (targets.Count == 0)
                {
                    throw set.Error("expected at least one target");
                }

                break;
            case (not null, not null):
                throw g.Error("give either 'to' (one target) or 'targets' (a weighted set), not both");
            default:
                throw g.Error("missing key 'to' or 'targets': where the missiles are aimed");
        }

        return new RaidGroup(missile.String(), from.String(), shape, count, targets);
    }

    /// <summary>
    /// <c>window: salvo</c> (the default: every missile at <c>start_s</c>, 0), <c>{ start_s, spread_s }</c> (evenly over
    /// the window, in the order listed) or <c>{ times_s: [...] }</c> (one time per missile, in the order listed).
    /// </summary>
    private static List<RaidLaunch> ReadWindow(YamlNode? w, List<RaidGroup> groups)
    {
        var owners = groups.SelectMany((g, i) => Enumerable.Repeat(i, g.Count)).ToList();
        if (w is null || (w.IsScalar && w.String() == "salvo"))
        {
            return [.. owners.Select(g => new RaidLaunch(g, 0))];
        }

        if (!w.IsMapping)
        {
            throw w.Error("expected salvo, { start_s, spread_s } or { times_s: [...] }");
        }

        w.OnlyKeys("start_s", "spread_s", "times_s");
        if (w.TryGet("times_s") is { } times)
        {
            if (w.Has("spread_s") || w.Has("start_s"))
            {
                throw w.Error("give either times_s or start_s/spread_s, not both");
            }

            var t = times.Items().Select(x => x.Number(0, Raid.MaxLaunchTimeS, LaunchTimes("a launch time"))).ToList();
            if (t.Count != owners.Count)
            {
                throw times.Error(string.Create(CultureInfo.InvariantCulture, $"{t.Count} launch times for {owners.Count} missiles; expected one per missile"));
            }

            return [.. owners.Select((g, i) => new RaidLaunch(g, t[i]))];
        }

        double start = w.TryGet("start_s")?.Number(0, Raid.MaxLaunchTimeS, LaunchTimes("a start time")) ?? 0;
        YamlNode? spreadNode = w.TryGet("spread_s");
        double spread = spreadNode?.Number(0, Raid.MaxLaunchTimeS, LaunchTimes("a window length")) ?? 0;
        if (start + spread > Raid.MaxLaunchTimeS)
        {
            throw spreadNode!.Error(LaunchTimes($"start_s + spread_s = {start + spread} s is too late; expected the window to end"));
        }

        int n = owners.Count;
        return [.. owners.Select((g, i) => new RaidLaunch(g, n == 1 ? start : start + spread * i / (n - 1)))];
    }

    private static string LaunchTimes(string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} in seconds from 0 to {Raid.MaxLaunchTimeS:N0}, the latest a raid may launch");
}
