using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static Bulwark.Architecture.Tests.LayeringRules;

namespace Bulwark.Architecture.Tests;

/// <summary>DESIGN §2's layering (<see cref="LayeringRules"/>) checked over the library, the CLI and the server.</summary>
public class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Bulwark = new ArchLoader().LoadAssemblies(
        typeof(InputException).Assembly, typeof(Cli.Program).Assembly, typeof(Server.ViewerServer).Assembly).Build();

    [Theory]
    [InlineData("Earth", "Analysis")]
    [InlineData("Earth", "Catalog")]
    [InlineData("Flight", "Catalog")]
    [InlineData("Sensing", "Catalog")]
    [InlineData("Engagement", "Catalog")]
    [InlineData("Raids", "Catalog")]
    [InlineData("Geography", "Catalog")]
    [InlineData("Catalog", "Analysis")]
    [InlineData("Catalog", "Output")]
    [InlineData("Analysis", "Cli")]
    [InlineData("Output", "Cli")]
    [InlineData("Analysis", "Server")]
    [InlineData("Sweeps", "Analysis")]
    [InlineData("Sweeps", "Catalog")]
    [InlineData("Sweeps", "Output")]
    [InlineData("Sweeps", "Engagement")]
    [InlineData("Sweeps", "Flight")]
    public void ALowerLayerDoesNotReferenceAHigherOne(string lower, string higher) =>
        LowerDoesNotReferenceHigher(Product, lower, higher).Check(Bulwark);

    [Fact]
    public void NoLayersFormACycle() => Assert.Empty(CyclesBetweenLayers(Bulwark, Product));

    [Fact]
    public void ThePhysicsDoesNoIo() => PhysicsDoesNoIo(Product).Check(Bulwark);

    [Fact]
    public void ThePhysicsReferencesNoUpperLayer() => PhysicsDoesNotReferenceUpperLayers(Product).Check(Bulwark);

    [Fact]
    public void AnalysisDoesNotReferenceOutput() => LayeringRules.AnalysisDoesNotReferenceOutput(Product).Check(Bulwark);

    [Fact]
    public void TheEdgesComputeNoPhysics() => EdgesComputeNoPhysics(Product).Check(Bulwark);

    [Fact]
    public void OnlyTheCatalogReadsYaml() => LayeringRules.OnlyTheCatalogReadsYaml(Product).Check(Bulwark);

    // docs/cluster.md: Orleans and PostgreSQL load only when a cluster is used, so the library never references them
    // (only Bulwark.Cluster does, and the CLI calls it from the worker verb).
    [Fact]
    public void TheLibraryReferencesNoClusterMachinery()
    {
        string[] references = [.. typeof(InputException).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];
        Assert.DoesNotContain(references, n => n.StartsWith("Orleans", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal) || n == "Bulwark.Cluster");
        Assert.Contains("Microsoft.Data.Sqlite", references); // the check sees package references
    }

    [Fact]
    public void TheRulesSeeTheWholeProduct()
    {
        // A rule over an empty set of types passes vacuously: make sure every layer the rules name is loaded.
        foreach (string layer in Physics.Concat(AbovePhysics).Append("Geography").Append("Caching").Append("Sweeps"))
        {
            Assert.Contains(Bulwark.Namespaces, n => n.FullName == $"{Product}.{layer}");
        }
    }
}
