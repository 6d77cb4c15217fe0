using System.Text.Json;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Output.Scenes;

namespace Bulwark.Tests.Output;

public class FootprintSceneTests
{
    [Fact]
    public void EveryDefendedCellIsOneAreaOfTheSceneAndNoOtherIs()
    {
        Scenario s = ScenarioLoader.Load("fp.yaml", "name: fp\narchitecture: epaa-phase-3-2018\nthreats:\n  - { missile: sejjil-3, from: tabriz, to: rome }\n");
        FootprintResult r = Footprints.OfScenario(TestData.Context(), s, stepDeg: 10);
        GeoScene scene = FootprintScene.Of(r);
        var areas = scene.Items.OfType<SceneArea>().ToList();
        Assert.Equal(r.DefendedCells, areas.Count);
        Assert.True(r.DefendedCells > 0, "phase 3 defends some of Europe against the Sejjil-3 from Tabriz");
        foreach (SceneArea a in areas)
        {
            FootprintCell cell = r.Cells.Single(c => $"footprint/{c.Cell.Index}" == a.Id);
            Assert.Equal(CellDefence.Defended, cell.State);
            Assert.All(a.Ring, p =>
            {
                Assert.InRange(p.LatDeg, cell.Cell.MinLatDeg, cell.Cell.MaxLatDeg);
                Assert.InRange(p.LonDeg, cell.Cell.MinLonDeg, cell.Cell.MaxLonDeg);
            });
        }

        using var czml = JsonDocument.Parse(scene.ToCzml());
        Assert.Equal("document", czml.RootElement[0].GetProperty("id").GetString());
        Assert.Equal(areas.Count + 1, czml.RootElement.GetArrayLength());
    }
}
