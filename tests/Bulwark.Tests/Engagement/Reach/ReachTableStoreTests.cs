using System.Runtime.InteropServices;
using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;

namespace Bulwark.Tests.Engagement.Reach;

/// <summary>
/// Reach-table bins in the persistent store (docs/cache.md): read back byte for byte as built, built again when a stored
/// file is truncated or altered, and stored under keys that change with every number that shapes a table.
/// </summary>
public class ReachTableStoreTests
{
    private const double Deg = Math.PI / 180;

    private static readonly Geodetic Deveselu = BulwarkCatalog.BuiltIn.Place("deveselu").Position;

    private static readonly ReachTableOptions Small = ReachTableOptions.Default with { AzimuthBins = 4, ElevationStepRad = 2 * Deg };

    private static Interceptor Sm3 => BulwarkCatalog.BuiltIn.Interceptor("sm-3-ib");

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "bulwark-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void StoredBinsAreReadBackAsBuilt()
    {
        ReachTable reference = ReachTable.Build(Sm3, Deveselu, Small);
        var store = new DiskStore(TempDir());
        ReachTable first = ReachTable.OnDemand(Sm3, Deveselu, Small, store);
        _ = first.NodeCount; // builds every bin
        Assert.Equal(Small.AzimuthBins, store.Writes);

        var again = new DiskStore(store.Directory);
        ReachTable second = ReachTable.OnDemand(Sm3, Deveselu, Small, again);
        for (int k = 0; k < Small.AzimuthBins; k++)
        {
            Assert.True(MemoryMarshal.AsBytes(reference.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(second.BinNodes(k))), $"bin {k} differs");
            Assert.Equal(reference.Columns(k), second.Columns(k));
        }

        Assert.Equal(reference.SampleCount, second.SampleCount);
        Assert.Equal(Small.AzimuthBins, again.Hits);
        Assert.Equal(0, again.Writes);
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    public void ADamagedBinIsRejectedAndBuiltAgain(string damage)
    {
        ReachTable reference = ReachTable.Build(Sm3, Deveselu, Small);
        var store = new DiskStore(TempDir());
        _ = ReachTable.OnDemand(Sm3, Deveselu, Small, store).NodeCount;
        string file = Directory.EnumerateFiles(Path.Combine(store.Directory, ReachTable.StoreKeys.Kind), "*.bin").Order(StringComparer.Ordinal).First();
        byte[] bytes = File.ReadAllBytes(file);
        if (damage == "truncate")
        {
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        }
        else
        {
            bytes[bytes.Length / 2] ^= 0x40;
            File.WriteAllBytes(file, bytes);
        }

        var again = new DiskStore(store.Directory);
        ReachTable rebuilt = ReachTable.OnDemand(Sm3, Deveselu, Small, again);
        for (int k = 0; k < Small.AzimuthBins; k++)
        {
            Assert.True(MemoryMarshal.AsBytes(reference.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(rebuilt.BinNodes(k))), $"bin {k} differs");
        }

        Assert.Equal(1, again.Rejected);
        Assert.Equal(1, again.Writes);
        Assert.Equal(Small.AzimuthBins - 1, again.Hits);
    }

    [Fact]
    public void TheKeyChangesWithEveryNumberThatShapesATableAndOnlyWithThose()
    {
        string Key(Interceptor i, Geodetic site, ReachTableOptions o) => ReachTable.StoreKeys.Bin(ReachTable.StoreKeys.Table(i, site, o), 0);
        Interceptor sm3 = Sm3;
        string baseKey = Key(sm3, Deveselu, Small);
        Assert.Equal(baseKey, Key(sm3 with { }, Deveselu, Small with { MaxDegreeOfParallelism = 1 }));
        Assert.NotEqual(baseKey, ReachTable.StoreKeys.Bin(ReachTable.StoreKeys.Table(sm3, Deveselu, Small), 1));

        var stages = sm3.Rocket.Stages.ToList();
        stages[^1] = stages[^1] with { VacuumIspS = stages[^1].VacuumIspS + 1e-9 };
        string[] changed =
        [
            Key(sm3 with { Rocket = sm3.Rocket with { Stages = stages } }, Deveselu, Small),
            Key(sm3 with { MaxInterceptAltitudeM = sm3.MaxInterceptAltitudeM + 1 }, Deveselu, Small),
            Key(sm3 with { Rocket = sm3.Rocket with { Rv = sm3.Rocket.Rv with { MassKg = sm3.Rocket.Rv.MassKg + 0.001 } } }, Deveselu, Small),
            Key(sm3, Deveselu with { LatitudeRad = Deveselu.LatitudeRad + 1e-12 }, Small),
            Key(sm3, Deveselu, Small with { TimeStepS = 1 }),
            Key(sm3, Deveselu, Small with { Environment = Small.Environment with { Atmosphere = Bulwark.Atmosphere.NoAtmosphere.Instance } }),
            Key(sm3, Deveselu, Small with { Environment = Small.Environment with { Planet = Small.Environment.Planet with { RotationRateRadPerS = 0 } } }),
        ];
        Assert.DoesNotContain(baseKey, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }
}
