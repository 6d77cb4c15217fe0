using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Catalog.Studies;
using Bulwark.Engagement;
using Bulwark.Flight.Targeting;

namespace Bulwark.Tests.Analysis.Deterrent;

/// <summary>
/// A deterrent analysis runs its batteries' threshold searches side by side, and the comparison shares one
/// <see cref="DeterrentCache"/> between its architectures' analyses (which a caller may run on several threads): every
/// architecture must get what it gets alone, without a cache.
/// </summary>
public class DeterrentCacheTests
{
    /// <summary>One track, one delay and a narrow speed range: few tables built (also used by <c>ComparisonTests</c>).</summary>
    internal static readonly DeterrentOptions OneTrack = DeterrentOptions.Default with
    {
        Threats = [new Threat("topol-m-teykovo-boston", "topol-m", "teykovo", "boston", TrajectoryShape.MinimumEnergy)],
        DelaysS = [60],
        MinSpeedMPerS = 3500,
        MaxSpeedMPerS = 6000,
    };

    [Fact]
    public void ArchitecturesRunSideBySideOnASharedCacheGetWhatEachGetsAlone()
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        AnalysisContext context = TestData.Context(catalog);
        // Phases 2 and 3 share batteries (Deveselu, the ships), so on a shared cache the two runs ask for the same
        // thresholds at once.
        var options = OneTrack;
        string[] ids = ["epaa-phase-2-2015", "epaa-phase-3-2018"];

        DeterrentResult[] alone = [.. ids.Select(id => DeterrentAnalysis.Run(context, catalog.Architecture(id), options))];
        var shared = new DeterrentResult[ids.Length];
        var cache = new DeterrentCache();
        Parallel.For(0, ids.Length, a => shared[a] = DeterrentAnalysis.Run(context, catalog.Architecture(ids[a]), options, cache: cache));

        for (int a = 0; a < ids.Length; a++)
        {
            AssertSameBatteries(alone[a], shared[a]);
        }

        // Something was searched: a battery of phase 3 has a threshold in the range at some delay.
        Assert.Contains(shared[1].Tracks.SelectMany(t => t.Batteries).SelectMany(b => b.Curve), t => t.SpeedMPerS is not null);
    }

    [Fact]
    public void ThresholdsPreparedForEveryBatteryAtOnceAreThoseEachRunFindsAlone()
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        AnalysisContext context = TestData.Context(catalog);
        var options = OneTrack;
        string[] ids = ["epaa-phase-2-2015", "epaa-phase-3-2018"];
        var architectures = ids.Select(id => catalog.Architecture(id)).ToList();

        var cache = new DeterrentCache();
        int searches = 0;
        DeterrentAnalysis.PrepareThresholds(context, architectures, options, cache, afterEach: () => Interlocked.Increment(ref searches));

        // Each (interceptor, site) searched once, phases 2 and 3 sharing Deveselu and the ships.
        int distinct = architectures.SelectMany(a => a.Batteries).Select(b => (b.InterceptorId, b.PlaceId)).Distinct().Count();
        Assert.Equal(distinct, searches);
        Assert.Equal(distinct, cache.Thresholds.Count);
        Assert.True(distinct < architectures.Sum(a => a.Batteries.Count), "no battery shared: the test would not show the sharing");

        foreach (Architecture architecture in architectures)
        {
            AssertSameBatteries(DeterrentAnalysis.Run(context, architecture, options), DeterrentAnalysis.Run(context, architecture, options, cache: cache));
        }

        Assert.Equal(distinct, cache.Thresholds.Count); // the runs found every search in the cache
    }

    /// <summary>The same batteries with the same thresholds, curves and first real-sensor intercepts.</summary>
    internal static void AssertSameBatteries(DeterrentResult expectedResult, DeterrentResult actualResult)
    {
        DeterrentBattery[] expected = [.. expectedResult.Tracks.SelectMany(t => t.Batteries)];
        DeterrentBattery[] actual = [.. actualResult.Tracks.SelectMany(t => t.Batteries)];
        Assert.Equal(expected.Select(b => b.BatteryId), actual.Select(b => b.BatteryId));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Threshold, actual[i].Threshold);
            Assert.Equal(expected[i].Curve, actual[i].Curve);
            Assert.Equal(expected[i].RealSensors.First?.InterceptS, actual[i].RealSensors.First?.InterceptS);
        }
    }
}
