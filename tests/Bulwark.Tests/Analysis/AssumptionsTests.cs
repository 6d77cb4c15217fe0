using Bulwark.Analysis.Comparison;
using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Tests.Analysis;

public class AssumptionsTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    private static Architecture Arch(string id) => Catalog.Architecture(id);

    [Fact]
    public void EveryInterceptorAndSensorOfTheArchitecturesIsListedWithItsProvenance()
    {
        var archs = new[] { Arch("epaa-phase-3-2018"), Arch("third-site-2007") };
        var rows = Assumptions.For(Catalog, archs, ["sejjil-3"]);
        foreach (string interceptor in archs.SelectMany(a => a.Batteries.Select(b => b.InterceptorId)).Distinct())
        {
            Assert.Contains(rows, r => r.Subject == interceptor && r.Quantity == "burnout speed");
            Assert.Contains(rows, r => r.Subject == interceptor && r.Quantity == "single-shot kill probability");
        }

        foreach (string sensor in archs.SelectMany(a => a.Sensors.Select(s => s.SensorId)).Distinct())
        {
            Assert.Contains(rows, r => r.Subject == sensor);
        }

        Assumption iia = rows.Single(r => r.Subject == "sm-3-iia" && r.Quantity == "burnout speed");
        Assert.Equal("4.5 km/s", iia.Value);
        Assert.Equal("notional", iia.Confidence);
        Assert.Contains("4.5 km/s", iia.Source);
        Assert.Contains(rows, r => r.Subject == "sejjil-3" && r.Quantity == "calibrated maximum range");
        Assert.All(rows, r => Assert.NotEqual("none", r.Confidence));
    }
}
