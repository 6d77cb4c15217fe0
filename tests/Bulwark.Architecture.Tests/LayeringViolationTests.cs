using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using static Bulwark.Architecture.Tests.LayeringRules;

namespace Bulwark.Architecture.Tests;

/// <summary>
/// The rules of <see cref="LayeringRules"/>, the same definitions that <see cref="LayeringTests"/> checks over the product,
/// applied to the deliberate violations in <c>Fixtures/Violations.cs</c>: each must fail, and name the offending type.
/// </summary>
public class LayeringViolationTests
{
    private static readonly ArchUnitNET.Domain.Architecture Violations =
        new ArchLoader().LoadAssemblies(typeof(LayeringViolationTests).Assembly).Build();

    private static IReadOnlyList<string> Failures(IArchRule rule) =>
        [.. rule.Evaluate(Violations).Where(r => !r.Passed).Select(r => r.Description)];

    private static void AssertFails(IArchRule rule, string offender)
    {
        Assert.False(rule.HasNoViolations(Violations));
        Assert.Contains(Failures(rule), d => d.Contains(offender, StringComparison.Ordinal));
    }

    [Fact]
    public void ACycleBetweenTwoLayersFails() =>
        Assert.Contains(CyclesBetweenLayers(Violations, FixtureRoot), c => c.StartsWith("Analysis -> Output -> Analysis", StringComparison.Ordinal));

    [Fact]
    public void ALowerLayerReferencingAHigherOneFails() => AssertFails(LowerDoesNotReferenceHigher(FixtureRoot, "Catalog", "Analysis"), "Fixtures.Catalog.Entry");

    [Fact]
    public void PhysicsReadingAFileFails() => AssertFails(PhysicsDoesNoIo(FixtureRoot), "Fixtures.Flight.ReadsAFile");

    [Fact]
    public void PhysicsReferencingTheCatalogFails() => AssertFails(PhysicsDoesNotReferenceUpperLayers(FixtureRoot), "Fixtures.Flight.KnowsTheCatalog");

    [Fact]
    public void AnalysisReferencingOutputFails() => AssertFails(AnalysisDoesNotReferenceOutput(FixtureRoot), "Fixtures.Analysis.Result");

    [Fact]
    public void AnEdgeSteppingTheIntegratorFails()
    {
        IArchRule rule = EdgesComputeNoPhysics(FixtureRoot);
        AssertFails(rule, "Fixtures.Cli.Command");
        Assert.DoesNotContain(Failures(rule), d => d.Contains("Fixtures.Cli.Catches", StringComparison.Ordinal));
    }

    [Fact]
    public void AWriterReadingYamlFails() => AssertFails(OnlyTheCatalogReadsYaml(FixtureRoot), "Fixtures.Output.Writer");
}
