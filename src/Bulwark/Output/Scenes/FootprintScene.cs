using System.Globalization;
using Bulwark.Analysis;
using Bulwark.Analysis.Footprint;
using Bulwark.Geography;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Output.Scenes;

/// <summary>
/// A footprint as a scene: one area per defended cell (the viewer's overlay; CZML, KML and GeoJSON alike). It renders a
/// result computed by the analysis (<see cref="Footprints.OfScenario"/>), never computes one.
/// </summary>
public static class FootprintScene
{
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
}
