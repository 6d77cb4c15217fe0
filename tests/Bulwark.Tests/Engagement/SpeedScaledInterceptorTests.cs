using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Tests.Engagement;

/// <summary>The speed-scaled interceptor reaches the burnout speed asked for on the standard fly-out, the same flight the catalog's speeds are calibrated on.</summary>
public class SpeedScaledInterceptorTests
{
    [Theory]
    [InlineData("sm-3-iia", 3500)]
    [InlineData("sm-3-iia", 8000)]
    [InlineData("gbi-2-stage-mda", 4000)]
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
    [InlineData("gbi-2-stage-mda", 3000)]
    public void EachStageKeepsItsPropellantAndThrust(string id, double speedMPerS)
    {
        Interceptor baseInterceptor = BulwarkCatalog.BuiltIn.Interceptor(id);
        Interceptor scaled = SpeedScaledInterceptor.For(baseInterceptor, speedMPerS);
        for (int i = 0; i < baseInterceptor.Rocket.Stages.Count; i++)
        {
            var (a, b) = (baseInterceptor.Rocket.Stages[i], scaled.Rocket.Stages[i]);
            Assert.Equal(a.PropellantMassKg, b.PropellantMassKg);
            Assert.Equal(a.VacuumThrustN, b.VacuumThrustN, a.VacuumThrustN * 1e-12);
            Assert.NotEqual(a.VacuumIspS, b.VacuumIspS);
        }
    }
}
