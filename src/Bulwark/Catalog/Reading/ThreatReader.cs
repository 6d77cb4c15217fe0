using Bulwark.Flight.Targeting;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads threats and threat-set entries into <see cref="Threat"/> and <see cref="ThreatSet"/> records.</summary>
public static class ThreatReader
{
    /// <summary>Reads a threat-set entry, checking that its missiles and places exist in <paramref name="catalog"/>.</summary>
    public static ThreatSet ReadSet(YamlNode node, BulwarkCatalog catalog)
    {
        node.OnlyKeys("id", "name", "threats", "provenance", "notes");
        YamlNode list = node.Get("threats");
        var threats = list.Items().Select(t => Read(t, catalog)).ToList();
        if (threats.Count == 0)
        {
            throw list.Error("expected at least one threat");
        }

        return new ThreatSet(node.Get("id").String(), node.Get("name").String(), threats);
    }

    /// <summary>Reads one threat <c>{ id, missile, from, to, shape? }</c>.</summary>
    public static Threat Read(YamlNode t, BulwarkCatalog catalog)
    {
        t.OnlyKeys("id", "missile", "from", "to", "shape");
        YamlNode missile = t.Get("missile");
        catalog.Get("missiles", missile.String(), missile);
        YamlNode from = t.Get("from");
        catalog.Get("places", from.String(), from);
        YamlNode to = t.Get("to");
        catalog.Get("places", to.String(), to);
        if (to.String() == from.String())
        {
            throw to.Error($"the threat is aimed at its own launch place '{from.String()}'; expected a target away from it");
        }

        TrajectoryShape shape = TrajectoryShape.MinimumEnergy;
        if (t.TryGet("shape") is { } s)
        {
            shape = TrajectoryShapeNames.Parse(s.String()) ?? throw s.Error($"unknown shape '{s.String()}'; expected minimum-energy, lofted or depressed");
        }

        string id = t.TryGet("id")?.String() ?? $"{missile.String()}-{from.String()}-{to.String()}";
        return new Threat(id, missile.String(), from.String(), to.String(), shape);
    }
}
