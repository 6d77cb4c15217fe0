using Bulwark.Catalog;
using Bulwark.Output.Plots;
using Bulwark.Raids;
using Bulwark.Tests.Raids;
using Bulwark.Engagement;

namespace Bulwark.Tests.Output;

/// <summary>The raid plots are PNGs, and the same result draws the same bytes (the embedded font; no clock).</summary>
public class RaidPlotsTests
{
    [Fact]
    public void PlotsArePngAndByteStable()
    {
        var problem = new RaidProblem([new RaidBattery("b", "i", 4, 2, 5, 0.7)], [RaidTestProblems.Kind("t", 1, 0, 200)],
            [.. Enumerable.Range(0, 5).Select(i => RaidTestProblems.Missile(i, 30 * i))], FiringMode.Adaptive, 30, 2);
        RaidResult r = RaidSimulation.Run(problem, new RaidRunOptions(500, 2));
        byte[] leakers = RaidPlots.Leakers("test", [("a", r), ("b", r)]);
        byte[] inventory = RaidPlots.Inventory("test", r);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], leakers.Take(4));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], inventory.Take(4));
        Assert.Equal(leakers, RaidPlots.Leakers("test", [("a", r), ("b", r)]));
        Assert.Equal(inventory, RaidPlots.Inventory("test", r));
        Assert.NotEqual(leakers, RaidPlots.Leakers("other title", [("a", r), ("b", r)]));
    }
}
