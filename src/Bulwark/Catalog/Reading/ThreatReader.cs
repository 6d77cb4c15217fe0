using Bulwark.Flight.Targeting;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads threats and threat-set entries into <see cref="Threat"/> and <see cref="ThreatSet"/> records.</summary>
public static class ThreatReader
{
    /// <summary>Reads a threat-set entry, checking that its missiles and places exist in <paramref name="catalog"/>.</summary>
    public static ThreatSet ReadSet(YamlNode node, BulwarkCatalog catalog)
    {
        node.OnlyKeys("id", "name", "threats", "provenance", "uncertain", "notes");
        YamlNode list = node.Get("threats");
        var threats = ReadList(list, catalog);
        if (threats.Count == 0)
        {
            throw list.Error("expected at least one threat");
        }

        return new ThreatSet(node.Get("id").String(), node.Get("name").String(), threats);
    }

    /// <summary>Reads a list of threats; two with the same id are an error (located at the second).</summary>
    public static List<Threat> ReadList(YamlNode list, BulwarkCatalog catalog)
    {
        var threats = new List<Threat>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode item in list.Items())
        {
            Threat threat = Read(item, catalog);
            if (!seen.Add(threat.Id))
            {
                throw (item.TryGet("id") ?? item).Error($"a second threat with id '{threat.Id}'; expected unique threat ids");
            }

            threats.Add(threat);
        }

        return threats;
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
