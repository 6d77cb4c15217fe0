using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Tests.Catalog;

/// <summary>
/// An overridden interceptor is calibrated once per interceptor and override per process (issue 13): the root-find
/// (<see cref="SpeedScaledInterceptor"/>, a few dozen fly-outs) used to run on every read, once per shot inside a
/// parallel loop. The count is process-wide, so this class runs alone (<see cref="CalibrationCounterCollection"/>).
/// </summary>
[Collection(CalibrationCounterCollection.Name)]
public class CalibrationOnceTests
{
    // A speed no other test asks for, so that the calibration below is this test's own.
    private const string Override = "  sm-3-iia: { burnout_speed_km_s: 4.3217 }\n";

    private static Scenario Load(string overrides) => ScenarioLoader.Load("override.yaml",
        $"name: override\narchitecture: epaa-phase-3-2018\nthreats: iran-to-europe\noverrides:\n{overrides}");

    [Fact]
    public void AnOverrideIsCalibratedOncePerProcessHoweverOftenItIsRead()
    {
        long before = SpeedScaledInterceptor.CalibrationCount;

        // Two loads of the same scenario (two catalogs, two entries), each read many times and from many threads.
        Scenario first = Load(Override), second = Load(Override);
        Parallel.For(0, 64, i => (i % 2 == 0 ? first : second).Catalog.Interceptor("sm-3-iia"));
        Interceptor a = first.Catalog.Interceptor("sm-3-iia"), b = second.Catalog.Interceptor("sm-3-iia");

        Assert.Equal(1, SpeedScaledInterceptor.CalibrationCount - before);
        Assert.Equal(a, b);
        Assert.Same(a, first.Catalog.Interceptor("sm-3-iia")); // one record per catalog entry, read once
    }

    [Fact]
    public void InterceptorsWithoutAnOverrideAreNeverCalibrated()
    {
        long before = SpeedScaledInterceptor.CalibrationCount;
        Scenario s = Load("  sm-3-ib: { reaction_time_s: 31 }\n");
        foreach (string id in new[] { "sm-3-ia", "sm-3-ib", "sm-3-iia", "gbi-2-stage-mda" })
        {
            s.Catalog.Interceptor(id);
        }

        Assert.Equal(0, SpeedScaledInterceptor.CalibrationCount - before);
    }
}

/// <summary>Tests that read a process-wide counter: xUnit runs this collection after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CalibrationCounterCollection
{
    public const string Name = "process-wide calibration counter";
}
