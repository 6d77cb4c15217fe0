using Bulwark.Flight.Targeting;
using Bulwark.Scenarios;

namespace Bulwark.Catalog;

/// <summary>One threat: a missile from a launch place at a target place, with a trajectory shape.</summary>
public sealed record Threat(string Id, string MissileId, string FromId, string ToId, TrajectoryShape Shape);

/// <summary>A named set of threats (e.g. <c>iran-to-europe</c>).</summary>
public sealed record ThreatSet(string Id, string Name, IReadOnlyList<Threat> Threats)
{
    /// <summary>Reads a threat-set entry, checking that its missiles and places exist in <paramref name="catalog"/>.</summary>
    public static ThreatSet Read(YamlNode node, BulwarkCatalog catalog)
    {
        node.OnlyKeys("id", "name", "threats", "provenance", "notes");
        YamlNode list = node.Get("threats");
        var threats = list.Items().Select(t => ReadThreat(t, catalog)).ToList();
        if (threats.Count == 0)
        {
            throw list.Error("expected at least one threat");
        }

        return new ThreatSet(node.Get("id").String(), node.Get("name").String(), threats);
    }

    /// <summary>Reads one threat <c>{ id, missile, from, to, shape? }</c>.</summary>
    public static Threat ReadThreat(YamlNode t, BulwarkCatalog catalog)
    {
        t.OnlyKeys("id", "missile", "from", "to", "shape");
        YamlNode missile = t.Get("missile");
        catalog.Get("missiles", missile.String(), missile);
        YamlNode from = t.Get("from");
        catalog.Get("places", from.String(), from);
        YamlNode to = t.Get("to");
        catalog.Get("places", to.String(), to);
        TrajectoryShape shape = TrajectoryShape.MinimumEnergy;
        if (t.TryGet("shape") is { } s)
        {
            shape = TrajectoryShapeNames.Parse(s.String()) ?? throw s.Error($"unknown shape '{s.String()}'; expected minimum-energy, lofted or depressed");
        }

        string id = t.TryGet("id")?.String() ?? $"{missile.String()}-{from.String()}-{to.String()}";
        return new Threat(id, missile.String(), from.String(), to.String(), shape);
    }
}
