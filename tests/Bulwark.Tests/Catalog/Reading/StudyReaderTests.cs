using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Catalog.Reading;
using Bulwark.Catalog.Studies;

namespace Bulwark.Tests.Catalog.Reading;

/// <summary>
/// Study files (docs/studies.md): the shipped lisbon-2010 study reads whole (the C# copy of its values is gone: the
/// comparison's byte-identical output before and after is the check that the file holds what the code held), a study of
/// one's own reads as written, and a broken one is a located error naming file, line, column and key.
/// </summary>
public class StudyReaderTests
{
    /// <summary>A small study: two architectures, one threat class at 5°, no deterrent (also used by <c>ComparisonTests</c>).</summary>
    internal const string Small = """
        study: small
        name: A small study
        architectures: [epaa-phase-3-2018, epaa-phase-1-2011]
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
    public void TheShippedLisbonStudyReadsWhole()
    {
        Study study = StudyReader.Shipped(Study.Lisbon2010);
        ComparisonOptions o = study.Options;
        Assert.Equal(("lisbon-2010", "studies/lisbon-2010.yaml"), (study.Id, study.Source));
        Assert.Equal("Lisbon 2010: European missile-defence architectures compared", o.Title);
        Assert.Equal(7, o.ArchitectureIds.Count);
        Assert.Equal(("third-site-2007", "nato-russia-sectoral"), (o.ArchitectureIds[0], o.ArchitectureIds[^1]));
        Assert.Equal(["sejjil-2", "sejjil-3", "iran-icbm"], o.ThreatClasses.Select(c => c.MissileId));
        Assert.Equal(GeoBox.NatoEurope, o.ThreatClasses[0].Region);
        Assert.Equal((0.5, true), (o.StepDeg, o.Adaptive));   // resolution_deg: the adaptive 0.5° grid (issue 15; docs/performance.md)
        Participation p = Assert.IsType<Participation>(o.Participation);
        Assert.Equal(("Russian participation", "epaa-phase-3-2018"), (p.Label, p.BaselineId));
        Assert.Equal(["nato-russia-shared-radars", "nato-russia-sectoral"], p.AddedIds);
        Assert.StartsWith("Shared radar data can only add cues", p.Note);
        Assert.Null(o.DeterrentOptions.Threats); // the default set, russia-to-us, is read by the analysis itself
    }

    [Theory]
    [InlineData("baseline: epaa-phase-3-2018", "baseline: third-site-2007", "'third-site-2007' is not among the study's architectures")]
    [InlineData("adds: [epaa-phase-1-2011]", "adds: [epaa-phase-3-2018]", "the baseline 'epaa-phase-3-2018' cannot also be an architecture that adds to it")]
    [InlineData("adds: [epaa-phase-1-2011]", "adds: []", "expected at least one architecture id")]
    public void AParticipationQuestionNamesTheStudysOwnArchitectures(string replaced, string replacement, string expected)
    {
        string good = Small.Replace("deterrent: false", "participation: { label: a test, baseline: epaa-phase-3-2018, adds: [epaa-phase-1-2011] }\ndeterrent: false", StringComparison.Ordinal);
        Assert.Equal("epaa-phase-1-2011", Assert.Single(StudyReader.Read("my.yaml", good).Options.Participation!.AddedIds));
        var e = Assert.Throws<InputException>(() => StudyReader.Read("my.yaml", good.Replace(replaced, replacement, StringComparison.Ordinal)));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("my.yaml:", e.Message);
    }

    [Fact]
    public void TheEmbeddedStudyIsTheFileInStudies()
    {
        Assert.Contains(Study.Lisbon2010, StudyReader.ShippedIds);
        Assert.Equal(TestData.Read("studies", "lisbon-2010.yaml"), StudyReader.ShippedText(Study.Lisbon2010));
        Assert.Empty(StudyReader.Validate("lisbon-2010.yaml", TestData.Read("studies", "lisbon-2010.yaml")));
    }

    [Fact]
    public void AStudyOfOnesOwnReadsAsWritten()
    {
        Study study = StudyReader.Read("small.yaml", Small);
        Assert.Equal("small", study.Id);
        Assert.Equal("A small study", study.Options.Title);
        Assert.Null(study.Description);
        Assert.Equal(["epaa-phase-3-2018", "epaa-phase-1-2011"], study.Options.ArchitectureIds);
        ThreatClass c = Assert.Single(study.Options.ThreatClasses);
        Assert.Equal(("mrbm", "sejjil-2", "36,20.5,46,30"), (c.Id, c.MissileId, c.RegionName));
        Assert.Equal(["tabriz"], c.LaunchPlaceIds);
        Assert.Equal(new GeoBox(36, 20.5, 46, 30), c.Region);
        Assert.Equal((5.0, false, 2024, false, "iran-to-europe"), (study.Options.StepDeg, study.Options.Adaptive, study.Options.MembersYear, study.Options.Deterrent, study.Options.ShotsThreatSet));
    }

    [Fact]
    public void DeterrentOptionsAreReadInTheirUnits()
    {
        string text = Small.Replace("deterrent: false", """
            deterrent:
              threat_set: russia-to-us
              delays_s: [0, 120]
              thresholds: false
              min_speed_km_s: 2.5
              max_speed_km_s: 8
              speed_step_km_s: 0.2
              coarse_step_km_s: 1
              threshold_tables: { azimuth_bins_count: 8, elevation_step_deg: 3 }
            """, StringComparison.Ordinal);
        ComparisonOptions o = StudyReader.Read("small.yaml", text).Options;
        Assert.True(o.Deterrent);
        DeterrentOptions d = o.DeterrentOptions;
        Assert.Equal([0.0, 120.0], d.DelaysS);
        Assert.False(d.Thresholds);
        Assert.Equal((2500.0, 8000.0, 200.0, 1000.0), (d.MinSpeedMPerS, d.MaxSpeedMPerS, d.SpeedQuantumMPerS, d.CoarseStepMPerS));
        Assert.Equal(8, d.ThresholdTables.AzimuthBins);
        Assert.Equal(3 * Math.PI / 180, d.ThresholdTables.ElevationStepRad);
    }

    /// <summary>(description, replaced, replacement, expected line:column, key, words of the message).</summary>
    public static TheoryData<string, string, string, string, string, string> BrokenStudies => new()
    {
        { "misspelt key", "step_deg: 5", "step_degs: 5", "11:1", "step_degs", "unknown key; expected one of" },
        { "not a number", "step_deg: 5", "step_deg: five", "11:11", "step_deg", "expected a number, got 'five'" },
        { "step out of range", "step_deg: 5", "step_deg: 20", "11:11", "step_deg", "expected a grid step of 0.05 to 10 degrees" },
        { "resolution out of range", "step_deg: 5", "resolution_deg: 0.01", "11:17", "resolution_deg", "expected a resolution of 0.05 to 10 degrees" },
        { "both grids", "step_deg: 5", "step_deg: 5\nresolution_deg: 1", "12:17", "resolution_deg", "give either resolution_deg (an adaptive grid) or step_deg (a uniform grid), not both" },
        { "unknown architecture", "[epaa-phase-3-2018, ", "[epaa-phase-9, ", "3:17", "architectures[0]", "no architecture 'epaa-phase-9'" },
        { "unknown missile", "missile: sejjil-2", "missile: sejjil-9", "7:14", "threat_classes[0].missile", "no missile 'sejjil-9'" },
        { "unknown launch place", "launch: [tabriz]", "launch: [tabriz, atlantis]", "8:22", "threat_classes[0].launch[1]", "no place 'atlantis'" },
        { "unknown region", "region: { min_lat_deg: 36, min_lon_deg: 20.5, max_lat_deg: 46, max_lon_deg: 30 }", "region: europe", "9:13", "threat_classes[0].region", "unknown region 'europe'" },
        { "region upside down", "max_lat_deg: 46", "max_lat_deg: 30", "9:64", "threat_classes[0].region.max_lat_deg", "expected max_lat_deg greater than min_lat_deg" },
        { "members year", "members_year: 2024", "members_year: 2015", "10:15", "members_year", "not a year with a member list" },
        { "deterrent not boolean", "deterrent: false", "deterrent: maybe", "12:12", "deterrent", "expected true or false" },
        { "unknown source", "source: bulwark-placeholder", "source: nobody", "14:", "provenance.*.source", "no source 'nobody'" },
        { "number without provenance", "  \"*\": { confidence: notional, source: bulwark-placeholder, calibrated_to: \"a small test study\" }", "  members_year: { confidence: published, source: nato-member-countries }", "9:28", "threat_classes[0].region.min_lat_deg", "this number has no provenance" },
        { "bad YAML", "launch: [tabriz]", "launch: [tabriz", "", "", "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(BrokenStudies))]
    public void ABrokenStudyIsALocatedError(string description, string replaced, string replacement, string position, string key, string expected)
    {
        Assert.Contains(replaced, Small);
        string text = Small.Replace(replaced, replacement, StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => StudyReader.Read("my.yaml", text));
        Assert.True(e.Message.StartsWith($"my.yaml:{position}", StringComparison.Ordinal), $"{description}: {e.Message}");
        if (key.Length > 0)
        {
            Assert.Contains($": {key}: ", e.Message);
        }

        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private const string WithVariants = """
        study: variants
        name: A study with threat variants
        architectures: [epaa-phase-2-2015]
        threat_classes:
          - id: mrbm
            label: Sejjil-2
            missile: sejjil-2
            launch: [tabriz, semnan]
            region: { min_lat_deg: 36, min_lon_deg: 20.5, max_lat_deg: 46, max_lon_deg: 30 }
          - id: irbm
            label: Sejjil-3
            missile: sejjil-3
            launch: [semnan]
            shape: lofted
            region: { min_lat_deg: 36, min_lon_deg: 20.5, max_lat_deg: 46, max_lon_deg: 30 }
        deterrent: false
        sweep:
          variants:
            launch:
              threat_classes: [mrbm]
              levels: [qom, [tabriz, shahrud]]
              confidence: reported
              source: garwin-postol-2009
            shape:
              levels: [depressed]
              confidence: notional
              source: bulwark-placeholder
              calibrated_to: "a test"
        provenance:
          "*": { confidence: notional, source: bulwark-placeholder, calibrated_to: "a small test study" }
        """;

    [Fact]
    public void ThreatVariantsReadWithTheStudysOwnChoiceAsTheNominalLevel()
    {
        Study study = StudyReader.Read("variants.yaml", WithVariants);
        Assert.Equal([Bulwark.Flight.Targeting.TrajectoryShape.MinimumEnergy, Bulwark.Flight.Targeting.TrajectoryShape.Lofted], study.Options.ThreatClasses.Select(c => c.Shape));
        Assert.Equal(2, study.Sweep.Variants.Count);
        ThreatVariant launch = study.Sweep.Variants[0], shape = study.Sweep.Variants[1];
        Assert.Equal(("threats.launch", ThreatVariantKind.Launch), (launch.Name, launch.Kind));
        Assert.Equal(["tabriz+semnan", "qom", "tabriz+shahrud"], launch.Levels.Select(l => l.Name));
        Assert.Equal(["mrbm"], launch.ClassIds);
        Assert.Equal((Confidence.Reported, "garwin-postol-2009"), (launch.Provenance.Confidence, launch.Provenance.SourceId));

        // The shape variant changes both classes, whose own shapes differ: its nominal level is "study".
        Assert.Equal(["study", "depressed"], shape.Levels.Select(l => l.Name));
        Assert.Equal(["mrbm", "irbm"], shape.ClassIds);
        var depressed = shape.Apply(study.Options.ThreatClasses, 1);
        Assert.All(depressed, c => Assert.Equal(Bulwark.Flight.Targeting.TrajectoryShape.Depressed, c.Shape));
        Assert.Equal(study.Options.ThreatClasses[1], shape.Apply(study.Options.ThreatClasses, 0)[1]);
        var fromQom = launch.Apply(study.Options.ThreatClasses, 1);
        Assert.Equal(["qom"], fromQom[0].LaunchPlaceIds);
        Assert.Equal(["semnan"], fromQom[1].LaunchPlaceIds);
    }

    /// <summary>(description, replaced, replacement, key, words of the message).</summary>
    public static TheoryData<string, string, string, string, string> BrokenVariants => new()
    {
        { "unknown class", "threat_classes: [mrbm]", "threat_classes: [srbm]", "sweep.variants.launch.threat_classes[0]", "no threat class 'srbm' in this study" },
        { "unknown place", "levels: [qom, [tabriz, shahrud]]", "levels: [qom, [tabriz, atlantis]]", "sweep.variants.launch.levels[1][1]", "no place 'atlantis'" },
        { "the nominal level again", "levels: [qom, [tabriz, shahrud]]", "levels: [qom, [tabriz, semnan]]", "sweep.variants.launch.levels[1]", "'tabriz+semnan' is the study's own choice" },
        { "a level twice", "levels: [qom, [tabriz, shahrud]]", "levels: [qom, qom]", "sweep.variants.launch.levels[1]", "the level 'qom' is listed twice" },
        { "unknown shape", "levels: [depressed]", "levels: [ballistic]", "sweep.variants.shape.levels[0]", "unknown shape 'ballistic'" },
        { "no provenance", "      confidence: reported\n      source: garwin-postol-2009\n", "", "sweep.variants.launch", "missing key 'confidence'" },
        { "unknown variant", "    shape:\n", "    speed:\n", "sweep.variants.speed", "unknown key; expected one of" },
        { "class shape", "shape: lofted", "shape: sideways", "threat_classes[1].shape", "unknown shape 'sideways'" },
    };

    [Theory]
    [MemberData(nameof(BrokenVariants))]
    public void ABrokenVariantIsALocatedError(string description, string replaced, string replacement, string key, string expected)
    {
        replaced = replaced.Replace("\\n", "\n", StringComparison.Ordinal);
        Assert.Contains(replaced, WithVariants);
        string text = WithVariants.Replace(replaced, replacement.Replace("\\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => StudyReader.Read("my.yaml", text));
        Assert.True(e.Message.StartsWith("my.yaml:", StringComparison.Ordinal), $"{description}: {e.Message}");
        Assert.Contains($": {key}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
