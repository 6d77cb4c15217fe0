using Bulwark.Analysis.Sensitivity;
using Bulwark.Sweeps;

namespace Bulwark.Tests.Analysis.Sensitivity;

/// <summary>The study model: a run is the study's comparison with the run's values laid over the catalog.</summary>
public sealed class StudyModelTests(ITestOutputHelper output)
{
    [Fact]
    public void ARunFollowsItsValues()
    {
        var spec = new StudySpec("sweep-small.yaml", TestData.Read("Data", "Sweeps", "sweep-small.yaml"), 2, false, false);
        var model = new StudyModel(spec);
        Outcomes slow = model.Evaluate(Inputs(2.0, 1500)), fast = model.Evaluate(Inputs(5.0, 1500));
        output.WriteLine($"slow {slow["epaa-phase-2-2015/mrbm/defended_share_pct"].Value}, fast {fast["epaa-phase-2-2015/mrbm/defended_share_pct"].Value}");
        Assert.True(fast["epaa-phase-2-2015/mrbm/defended_share_pct"].Value > slow["epaa-phase-2-2015/mrbm/defended_share_pct"].Value);
    }

    private static InputSet Inputs(double speedKmS, double rangeKm) =>
        new([KeyValuePair.Create("sm-3-ib.burnout_speed_km_s", speedKmS), KeyValuePair.Create("an-tpy-2.detection_range_km", rangeKm)]);
}
