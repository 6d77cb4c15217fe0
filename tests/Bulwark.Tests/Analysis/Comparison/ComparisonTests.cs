using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Catalog.Reading;
using Bulwark.Catalog.Studies;
using Bulwark.Tests.Analysis.Deterrent;
using Bulwark.Tests.Catalog.Reading;
using ComparisonRun = Bulwark.Analysis.Comparison.Comparison;

namespace Bulwark.Tests.Analysis.Comparison;

/// <summary>
/// <see cref="ComparisonRun"/> shares one deterrent cache between its architectures and evaluates the threat grids class
/// by class: each architecture's deterrent must be what the analysis gives alone, and the footprints what they give
/// without the deterrent.
/// </summary>
public class ComparisonTests
{
    [Fact]
    public void EachArchitecturesDeterrentIsTheAnalysisAloneAndTheFootprintsDoNotDependOnIt()
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        AnalysisContext context = TestData.Context(catalog);
        DeterrentOptions deterrent = DeterrentCacheTests.OneTrack;
        ComparisonOptions without = StudyReader.Read("small.yaml", StudyReaderTests.Small).Options;
        ComparisonOptions with = without with { Deterrent = true, DeterrentOptions = deterrent };

        var both = ComparisonRun.Run(context, with);
        var footprintsOnly = ComparisonRun.Run(context, without);

        for (int a = 0; a < with.ArchitectureIds.Count; a++)
        {
            DeterrentResult alone = DeterrentAnalysis.Run(context, catalog.Architecture(with.ArchitectureIds[a]), deterrent);
            DeterrentCacheTests.AssertSameBatteries(alone, both.Architectures[a].Deterrent!);
            Assert.Null(footprintsOnly.Architectures[a].Deterrent);
            var f = both.Architectures[a].Footprints[0];
            var g = footprintsOnly.Architectures[a].Footprints[0];
            Assert.Equal(g.DefendedAreaKm2, f.DefendedAreaKm2);
        }

        // Something was searched: a battery of phase 3 (the study's first architecture) has a threshold in the range.
        Assert.Equal("epaa-phase-3-2018", with.ArchitectureIds[0]);
        Assert.Contains(both.Architectures[0].Deterrent!.Tracks.SelectMany(t => t.Batteries).SelectMany(b => b.Curve), t => t.SpeedMPerS is not null);
    }
}
