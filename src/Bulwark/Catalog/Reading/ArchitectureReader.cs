using System.Globalization;
using Bulwark.Engagement;
using Bulwark.Sensing;
using Bulwark.Numerics;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads architecture entries (docs/catalog-format.md) into <see cref="Architecture"/> records.</summary>
public static class ArchitectureReader
{
    /// <summary>Reads an architecture entry, checking that its places, interceptors and sensors exist in <paramref name="catalog"/>.</summary>
    public static Architecture Read(YamlNode node, BulwarkCatalog catalog)
    {
        node.OnlyKeys("id", "name", "year", "status", "batteries", "sensors", "network", "launch_on_remote", "engage_on_remote", "doctrine", "provenance", "uncertain", "notes");
        int year = node.Get("year").Count(1990, 2100, "a year");
        YamlNode statusNode = node.Get("status");
        string status = OneOf(statusNode, Architecture.Statuses, "status");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var batteries = node.Get("batteries").Items().Select(b =>
        {
            b.OnlyKeys("id", "place", "interceptor", "inventory_count", "coalition", "launcher_count", "min_launch_interval_s");
            string id = Unique(b.Get("id"), ids);
            YamlNode place = b.Get("place");
            catalog.Get("places", place.String(), place);
            YamlNode interceptor = b.Get("interceptor");
            catalog.Get("interceptors", interceptor.String(), interceptor);
            int inventory = b.Get("inventory_count").Count(0, 10000, "a count of interceptors from 0 to 10,000");
            int launchers = b.TryGet("launcher_count") is { } l ? l.Count(1, 10000, "a count of launchers from 1 to 10,000") : Math.Max(1, inventory);
            double interval = b.TryGet("min_launch_interval_s")?.NonNegative("a time between launches in seconds") ?? 0;
            return new Battery(id, place.String(), interceptor.String(), inventory, OneOf(b.Get("coalition"), Architecture.Coalitions, "coalition"), launchers, interval);
        }).ToList();
        var sensors = node.Get("sensors").Items().Select(s =>
        {
            s.OnlyKeys("id", "sensor", "place", "boresight_az_deg", "coalition");
            string id = Unique(s.Get("id"), ids);
            YamlNode sensor = s.Get("sensor");
            bool inSpace = SensorReader.Read(catalog.Get("sensors", sensor.String(), sensor).Node) is Sensing.SpaceInfraredSpec;
            string? placeId = null;
            if (s.TryGet("place") is { } place)
            {
                placeId = place.String();
                catalog.Get("places", placeId, place);
            }
            else if (!inSpace)
            {
                throw s.Error("missing key 'place': a ground or sea sensor needs a place");
            }

            double? boresight = s.TryGet("boresight_az_deg")?.Number(-360, 360, "an azimuth in degrees");
            return new DeployedSensor(id, sensor.String(), placeId, boresight is { } b ? Angle.DegToRad(b) : null, OneOf(s.Get("coalition"), Architecture.Coalitions, "coalition"));
        }).ToList();
        YamlNode network = node.Get("network");
        network.OnlyKeys("latency_s", "shares");
        double latency = network.Get("latency_s").NonNegative("a latency in seconds");
        var shares = network.TryGet("shares")?.Items().Select(x =>
        {
            x.OnlyKeys("from", "to");
            return (OneOf(x.Get("from"), Architecture.Coalitions, "coalition"), OneOf(x.Get("to"), Architecture.Coalitions, "coalition"));
        }).ToList() ?? [];
        bool lor = Bool(node.TryGet("launch_on_remote"), true);
        bool eor = Bool(node.TryGet("engage_on_remote"), false);
        Doctrine doctrine = node.TryGet("doctrine") is { } d ? ReadDoctrine(d) : Doctrine.Default;
        return new Architecture(node.Get("id").String(), node.Get("name").String(), year, status, batteries, sensors, latency, shares, lor, eor, doctrine);
    }

    /// <summary><c>doctrine: { mode: shoot-look-shoot | salvo, kill_assessment_s, max_shots_per_threat_count }</c>.</summary>
    private static Doctrine ReadDoctrine(YamlNode d)
    {
        d.OnlyKeys("mode", "kill_assessment_s", "max_shots_per_threat_count");
        YamlNode modeNode = d.Get("mode");
        var mode = modeNode.String() switch
        {
            "shoot-look-shoot" => FiringMode.ShootLookShoot,
            "salvo" => FiringMode.Salvo,
            string other => throw modeNode.Error($"unknown firing mode '{other}'; expected shoot-look-shoot or salvo"),
        };
        double ka = d.TryGet("kill_assessment_s")?.NonNegative("a kill-assessment time in seconds") ?? Doctrine.Default.KillAssessmentS;
        int max = d.TryGet("max_shots_per_threat_count") is { } m ? m.Count(1, 100, "a number of shots from 1 to 100") : Doctrine.Default.MaxShotsPerThreat;
        return new Doctrine(mode, ka, max);
    }

    private static string Unique(YamlNode idNode, HashSet<string> ids)
    {
        string id = idNode.String();
        return ids.Add(id) ? id : throw idNode.Error($"'{id}' names two batteries or sensors of this architecture");
    }

    private static string OneOf(YamlNode node, string[] allowed, string what)
    {
        string v = node.String();
        return Array.IndexOf(allowed, v) >= 0 ? v : throw node.Error(string.Create(CultureInfo.InvariantCulture, $"unknown {what} '{v}'; expected one of: {string.Join(", ", allowed)}"));
    }

    private static bool Bool(YamlNode? node, bool fallback) => node is null ? fallback : node.String() switch
    {
        "true" => true,
        "false" => false,
        _ => throw node.Error("expected true or false"),
    };
}
