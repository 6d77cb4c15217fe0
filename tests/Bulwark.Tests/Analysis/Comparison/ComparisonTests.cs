using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Catalog.Reading;
using Bulwark.Catalog.Studies;
using Bulwark.Flight.Targeting;
using ComparisonRun = Bulwark.Analysis.Comparison.Comparison;

namespace Bulwark.Tests.Analysis.Comparison;

/// <summary>
/// <see cref="ComparisonRun"/> runs the deterrent beside the threat grids and footprints: each architecture's deterrent
/// must be what the analysis gives alone, and the footprints what they give without a deterrent running beside them.
/// </summary>
public class ComparisonTests
{
    private const string Study = """
        study: small
        name: A small study
        architectures: [epaa-phase-2-2015, epaa-phase-3-2018]
        threat_classes:
          - id: mrbm
            label: Sejjil-2 from Tabriz at south-east Europe
            missile: sejjil-2
            launch: [tabriz]
            region: { min_lat_deg: 36, min_lon_deg: 20.5, max_lat_deg: 46, max_lon_deg: 30 }
        members_year: 2024
        step_deg: 5
        deterrent: false
        provenance:
          "*": { confidence: notional, source: bulwark-placeholder, calibrated_to: "a small test study" }
        """;

    [Fact]
    public void TheDeterrentBesideTheFootprintsIsTheDeterrentAlone()
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        AnalysisContext context = TestData.Context(catalog);
        // One track, one delay and a narrow speed range keep the tables few (as in DeterrentCacheTests).
        var deterrent = DeterrentOptions.Default with
        {
            Threats = [new Threat("topol-m-teykovo-boston", "topol-m", "teykovo", "boston", TrajectoryShape.MinimumEnergy)],
            DelaysS = [60],
            MinSpeedMPerS = 3500,
            MaxSpeedMPerS = 6000,
        };
        ComparisonOptions without = StudyReader.Read("small.yaml", Study).Options;
        ComparisonOptions with = without with { Deterrent = true, DeterrentOptions = deterrent };

        var both = ComparisonRun.Run(context, with);
        var footprintsOnly = ComparisonRun.Run(context, without);

        for (int a = 0; a < with.ArchitectureIds.Count; a++)
        {
            DeterrentResult alone = DeterrentAnalysis.Run(context, catalog.Architecture(with.ArchitectureIds[a]), deterrent);
            DeterrentResult beside = both.Architectures[a].Deterrent!;
            DeterrentBattery[] expected = [.. alone.Tracks.SelectMany(t => t.Batteries)];
            DeterrentBattery[] actual = [.. beside.Tracks.SelectMany(t => t.Batteries)];
            Assert.Equal(expected.Select(b => b.BatteryId), actual.Select(b => b.BatteryId));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Threshold, actual[i].Threshold);
                Assert.Equal(expected[i].Curve, actual[i].Curve);
                Assert.Equal(expected[i].RealSensors.First?.InterceptS, actual[i].RealSensors.First?.InterceptS);
            }

            Assert.Null(footprintsOnly.Architectures[a].Deterrent);
            var f = both.Architectures[a].Footprints[0];
            var g = footprintsOnly.Architectures[a].Footprints[0];
            Assert.Equal(g.DefendedAreaKm2, f.DefendedAreaKm2);
        }

        // Something was searched: a battery of phase 3 has a threshold in the range at some delay.
        Assert.Contains(both.Architectures[1].Deterrent!.Tracks.SelectMany(t => t.Batteries).SelectMany(b => b.Curve), t => t.SpeedMPerS is not null);
    }
}
