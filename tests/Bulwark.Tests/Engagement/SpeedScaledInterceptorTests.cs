using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Tests.Engagement;

/// <summary>The speed-scaled interceptor reaches the burnout speed asked for on the standard fly-out, the same flight the catalog's speeds are calibrated on.</summary>
public class SpeedScaledInterceptorTests
{
    [Theory]
    [InlineData("sm-3-iia", 3500)]
    [InlineData("sm-3-iia", 8000)]
    [InlineData("gbi-2-stage-mda", 5000)]
    [InlineData("gbi-2-stage-mda", 8000)]
    [InlineData("gbi-2-stage-mda", 10000)]
    public void TheStandardFlyoutReachesTheRequestedBurnoutSpeed(string id, double speedMPerS)
    {
        Interceptor baseInterceptor = BulwarkCatalog.BuiltIn.Interceptor(id);
        Interceptor scaled = SpeedScaledInterceptor.For(baseInterceptor, speedMPerS);

        // The solver's own tolerance (1e-4 relative), checked by flying the result again.
        Assert.Equal(speedMPerS, StandardFlyout.BurnoutSpeedMPerS(scaled), speedMPerS * 1e-4);
        Assert.Equal(speedMPerS, scaled.BurnoutSpeedMPerS);
        Assert.Equal(baseInterceptor.MaxInterceptAltitudeM, scaled.MaxInterceptAltitudeM);
        Assert.Equal(baseInterceptor.Rocket.LaunchMassKg, scaled.Rocket.LaunchMassKg);
    }

    [Theory]
    [InlineData("sm-3-ib", 7000)]
    [InlineData("sm-3-ib", 2000)]
    [InlineData("gbi-2-stage-mda", 5000)]
    public void EachStageKeepsItsPropellantAndBurnTimeAndItsThrustScalesWithItsImpulse(string id, double speedMPerS)
    {
        Interceptor baseInterceptor = BulwarkCatalog.BuiltIn.Interceptor(id);
        Interceptor scaled = SpeedScaledInterceptor.For(baseInterceptor, speedMPerS);
        double factor = scaled.Rocket.Stages[0].VacuumIspS / baseInterceptor.Rocket.Stages[0].VacuumIspS;
        Assert.True(speedMPerS > baseInterceptor.BurnoutSpeedMPerS ? factor > 1 : factor < 1);
        for (int i = 0; i < baseInterceptor.Rocket.Stages.Count; i++)
        {
            var (a, b) = (baseInterceptor.Rocket.Stages[i], scaled.Rocket.Stages[i]);
            Assert.Equal(a.PropellantMassKg, b.PropellantMassKg);
            Assert.Equal(a.BurnTimeS, b.BurnTimeS);
            Assert.Equal(a.VacuumIspS * factor, b.VacuumIspS, a.VacuumIspS * 1e-12);
            Assert.Equal(a.VacuumThrustN * factor, b.VacuumThrustN, a.VacuumThrustN * 1e-12);
        }
    }

    /// <summary>
    /// A GBI scaled down to 0.3 km/s would need its thrust scaled down with its impulse below its weight (first-stage
    /// thrust-to-weight about 2.4): no copy that slow burns out on the standard fly-out, and the scaling says so rather
    /// than return an interceptor that misses the speed asked for. 3 km/s, the threshold search's lowest speed, still flies.
    /// </summary>
    [Fact]
    public void ASpeedNoCopyThatFliesCanHaveIsRefused()
    {
        Interceptor gbi = BulwarkCatalog.BuiltIn.Interceptor("gbi-2-stage-mda");
        Assert.Null(SpeedScaledInterceptor.TryFor(gbi, 300));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeedScaledInterceptor.For(gbi, 300));
        Assert.Equal(3000, StandardFlyout.BurnoutSpeedMPerS(SpeedScaledInterceptor.For(gbi, 3000)), 3000 * SpeedScaledInterceptor.RelativeTolerance);
    }
}
