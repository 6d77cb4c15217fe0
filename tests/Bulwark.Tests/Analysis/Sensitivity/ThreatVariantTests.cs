using Bulwark.Analysis.Sensitivity;
using Bulwark.Sweeps;

namespace Bulwark.Tests.Analysis.Sensitivity;

/// <summary>
/// Threat variants in a study's sweep (docs/sweeps.md, "Threat variants"): the inputs they become, and a run at a level
/// that is exactly the comparison of the study written with that level (tests/Bulwark.Tests/Data/Sweeps/sweep-variants.yaml).
/// </summary>
public sealed class ThreatVariantTests
{
    private static readonly string Text = TestData.Read("Data", "Sweeps", "sweep-variants.yaml");

    private static StudyModel Model(string text) => new(new StudySpec("sweep-variants.yaml", text, 2, false, false));

    [Fact]
    public void TheVariantsAreInputsWhoseLevelsStartWithTheStudysOwn()
    {
        StudyModel model = Model(Text);
        IReadOnlyList<StudyInput> inputs = StudyInputs.Of(model.Catalog, model.Study);
        Assert.Equal(["an-tpy-2.detection_range_km", "threats.launch", "threats.shape"], inputs.Select(i => i.Input.Name));
        UncertainInput launch = inputs[1].Input, shape = inputs[2].Input;
        Assert.Equal(["tabriz", "semnan", "qom", "tabriz+semnan"], launch.Levels);
        Assert.Equal(["minimum-energy", "lofted", "depressed"], shape.Levels);
        Assert.Equal((0.0, 0.0), (launch.Nominal, shape.Nominal));
        Assert.Contains("changes mrbm", launch.Source, StringComparison.Ordinal);
        Assert.Null(inputs[1].Range);
        Assert.NotNull(inputs[1].Variant);
    }

    [Theory]
    [InlineData(2, 0, "launch: [tabriz]", "launch: [qom]")]
    [InlineData(3, 0, "launch: [tabriz]", "launch: [tabriz, semnan]")]
    [InlineData(0, 2, "launch: [tabriz]", "launch: [tabriz]\n    shape: depressed")]
    public void ARunAtALevelIsTheComparisonOfTheStudyWrittenWithIt(int launch, int shape, string replaced, string replacement)
    {
        Outcomes run = Model(Text).Evaluate(Inputs(launch, shape));
        // The study written with the level, without its sweep block (whose levels would then repeat the study's own).
        string plain = Text[..Text.IndexOf("sweep:", StringComparison.Ordinal)] + Text[Text.IndexOf("provenance:", StringComparison.Ordinal)..];
        StudyModel written = Model(plain.Replace(replaced, replacement, StringComparison.Ordinal));
        Outcomes expected = written.Evaluate(new InputSet([KeyValuePair.Create("an-tpy-2.detection_range_km", 1500.0)]));
        Assert.Equal(expected.Items.Select(o => (o.Name, o.Value)), run.Items.Select(o => (o.Name, o.Value)));
    }

    [Fact]
    public void AShorterMissileRangeLeavesTheShotThreatsItCannotReachOutAndSaysSo()
    {
        // The Sejjil-2 scaled to 2,000 km (its written 2,200 km reaches 2,225 km due north from Semnan; this one about
        // 2,023) no longer reaches Athens from Tabriz (1,976 km away, beyond its 1,964 km toward the west).
        var model = new StudyModel(new StudySpec("sweep-variants.yaml", Text, 2, false, false));
        var nominal = model.Compare(new InputSet([KeyValuePair.Create("sejjil-2.calibration.range_km", 2200.0)]));
        var shorter = model.Compare(new InputSet([KeyValuePair.Create("sejjil-2.calibration.range_km", 2000.0)]));
        Assert.Empty(nominal.ShotThreatsOutOfReach);
        Assert.Contains("sejjil-2-tabriz-athens", shorter.ShotThreatsOutOfReach);
        Assert.True(shorter.Architectures[0].ShotOpportunities < nominal.Architectures[0].ShotOpportunities);
        double threatened = shorter.Architectures[0].Footprints[0].ThreatenedAreaKm2;
        Assert.InRange(threatened, 1, nominal.Architectures[0].Footprints[0].ThreatenedAreaKm2 - 1);
    }

    [Fact]
    public void ALevelOutsideTheVariantIsBadInput() =>
        Assert.Throws<InputException>(() => Model(Text).RunOptions(Inputs(4, 0)));

    private static InputSet Inputs(double launch, double shape) =>
        new([KeyValuePair.Create("an-tpy-2.detection_range_km", 1500.0), KeyValuePair.Create("threats.launch", launch), KeyValuePair.Create("threats.shape", shape)]);
}
