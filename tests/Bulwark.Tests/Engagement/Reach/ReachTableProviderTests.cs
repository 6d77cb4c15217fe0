using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Numerics;

namespace Bulwark.Tests.Engagement.Reach;

/// <summary>
/// <see cref="ReachTableProvider"/> keys its tables by the interceptor record itself (issue 13), less its reaction time
/// and kill probability (which shape no fly-out): equal records share a table whichever catalog read them, a record that
/// differs in any field of its fly-out gets its own, and the provider keeps at most its capacity.
/// </summary>
public class ReachTableProviderTests
{
    /// <summary>Small tables: four azimuth bins and a 2° fan (the key, not the table's accuracy, is under test).</summary>
    private static readonly ReachTableOptions Small = ReachTableOptions.Default with { AzimuthBins = 4, ElevationStepRad = Angle.DegToRad(2) };

    private static readonly Geodetic Deveselu = BulwarkCatalog.BuiltIn.Place("deveselu").Position;

    /// <summary>The SM-3 IB re-read from a scenario that overrides its reaction time with the catalog's own value: a new record, equal to the catalog's.</summary>
    private static Interceptor FromAScenario() => ScenarioLoader.Load("s.yaml",
        "name: s\narchitecture: epaa-phase-3-2018\nthreats: iran-to-europe\noverrides:\n  sm-3-ib: { reaction_time_s: 30 }\n").Catalog.Interceptor("sm-3-ib");

    [Fact]
    public void EqualRecordsReadByDifferentCatalogsShareOneTable()
    {
        var provider = new ReachTableProvider(Small, capacity: 4);
        Interceptor a = BulwarkCatalog.BuiltIn.Interceptor("sm-3-ib"), b = FromAScenario();
        Assert.NotSame(a, b);
        Assert.Equal(a, b);

        ReachTable first = provider.Table(a, Deveselu);
        Assert.Same(first, provider.Table(b, Deveselu));
        Assert.Equal(1, provider.Built);
    }

    [Fact]
    public void ARecordThatDiffersInAnyFieldGetsItsOwnTable()
    {
        var provider = new ReachTableProvider(Small, capacity: 4);
        Interceptor a = BulwarkCatalog.BuiltIn.Interceptor("sm-3-ib");

        // A field a hand-kept fingerprint could forget: the stages' propellant, one kilogram more.
        var stages = a.Rocket.Stages.ToList();
        stages[^1] = stages[^1] with { PropellantMassKg = stages[^1].PropellantMassKg + 1 };
        Interceptor heavier = a with { Rocket = a.Rocket with { Stages = stages } };

        Assert.NotSame(provider.Table(a, Deveselu), provider.Table(heavier, Deveselu));
        Assert.Equal(2, provider.Built);
    }

    [Fact]
    public void AReactionTimeOrKillProbabilityShapesNoFlyOutAndSharesTheTable()
    {
        // A sweep varying an interceptor's reaction time (docs/sweeps.md) reuses its tables: neither it nor the kill
        // probability changes a fly-out, and the key and the store description leave both out.
        var provider = new ReachTableProvider(Small, capacity: 4);
        Interceptor a = BulwarkCatalog.BuiltIn.Interceptor("sm-3-ib");
        Interceptor slower = a with { ReactionTimeS = 60, SingleShotPk = 0.5 };
        Assert.Same(provider.Table(a, Deveselu), provider.Table(slower, Deveselu));
        Assert.Equal(1, provider.Built);
        Assert.Equal(ReachTable.StoreKeys.Table(a, Deveselu, Small), ReachTable.StoreKeys.Table(slower, Deveselu, Small));
    }

    [Fact]
    public void TheProviderKeepsAtMostItsCapacity()
    {
        var provider = new ReachTableProvider(Small, capacity: 1);
        Interceptor a = BulwarkCatalog.BuiltIn.Interceptor("sm-3-ib");
        provider.Table(a, Deveselu);
        provider.Table(a, BulwarkCatalog.BuiltIn.Place("redzikowo").Position);
        Assert.Equal(1, provider.Count);
        Assert.Equal(2, provider.Built);
    }
}
