using System.Globalization;
using Bulwark.Analysis;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Output.Scenes;

/// <summary>A footprint as a scene: one area per defended cell (the viewer's overlay; CZML, KML and GeoJSON alike).</summary>
public static class FootprintScene
{
    /// <summary>The grid step of the viewer's overlay, degrees: coarse, so that it comes in seconds (docs/viewer.md).</summary>
    public const double ViewerStepDeg = 3;

    public static GeoScene Of(FootprintResult r)
    {
        var scene = new GeoScene($"{r.Architecture.Id} against {r.Threat.MissileId}: defended footprint");
        foreach (FootprintCell c in r.Cells.Where(c => c.State == CellDefence.Defended))
        {
            GridCell g = c.Cell;
            string description = string.Create(CultureInfo.InvariantCulture,
                $"{c.ShotsPossible} shot(s), p_kill {c.PKill:0.000}; batteries: {string.Join(", ", c.Batteries)}");
            scene.Area("footprint", $"footprint/{g.Index}", $"defended cell {g.CentreLatDeg:0.#}, {g.CentreLonDeg:0.#}", SceneStyle.Footprint,
                [(g.MinLonDeg, g.MinLatDeg), (g.MaxLonDeg, g.MinLatDeg), (g.MaxLonDeg, g.MaxLatDeg), (g.MinLonDeg, g.MaxLatDeg)], description);
        }

        return scene;
    }

    /// <summary>
    /// The footprint of a scenario's architecture against its first threat's missile from that threat's launch place,
    /// over NATO Europe at <paramref name="stepDeg"/>.
    /// </summary>
    public static FootprintResult For(AnalysisContext context, Scenario scenario, double stepDeg = ViewerStepDeg)
    {
        Architecture architecture = scenario.Architecture
            ?? throw new InputException(scenario.File, null, null, "architecture", "missing: a footprint needs an architecture");
        Threat threat = scenario.Threats.Count > 0 ? scenario.Threats[0]
            : throw new InputException(scenario.File, null, null, "threats", "missing: a footprint needs a threat");
        ThreatGrid grid = ThreatGrid.Fly(context.With(scenario.Catalog), threat.MissileId, [threat.FromId], GeoBox.NatoEurope, stepDeg);
        return Footprints.Evaluate(architecture, grid);
    }
}
