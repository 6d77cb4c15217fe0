using Bulwark.Output.Plots;
using Bulwark.Sweeps;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Output;

/// <summary>The tornado plot is a PNG, and the same tornado draws the same bytes (the embedded font; no clock).</summary>
public sealed class TornadoPlotTests : IDisposable
{
    private readonly string _folder = TempFolder();

    public void Dispose() => Delete(_folder);

    [Fact]
    public void TheTornadoIsAPngAndByteStable()
    {
        var design = SweepDesign.OneAtATime("study", "v1", Inputs);
        using var store = new RunStore(Path.Combine(_folder, "runs.db"));
        var rows = new SweepRunner(store).RunAll(design, Model).Rows;
        Tornado margin = Tornado.Of(design, rows, "margin");
        byte[] png = TornadoPlot.Render(margin, "m/s");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.Equal(png, TornadoPlot.Render(Tornado.Of(design, store.All(design.Id), "margin"), "m/s"));
        Assert.NotEqual(png, TornadoPlot.Render(margin, "m/s", "another title"));
        byte[] yesNo = TornadoPlot.Render(Tornado.Of(design, rows, "covered"), "");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], yesNo.Take(4));
        // NaN bars (c high makes "odd" NaN) are left out, not drawn at the axis.
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], TornadoPlot.Render(Tornado.Of(design, rows, "odd"), "").Take(4));
    }
}
