using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Bulwark.Architecture.Tests;

/// <summary>DESIGN §2's layering as rules over the library assembly (first rules; more to follow, see the issue).</summary>
public class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Library = new ArchLoader().LoadAssemblies(typeof(InputException).Assembly).Build();

    private static string Ns(string layer) => $@"^Bulwark\.{layer}(\..*)?$";

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
    public void ALowerLayerDoesNotReferenceAHigherOne(string lower, string higher) =>
        Types().That().ResideInNamespaceMatching(Ns(lower)).Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Ns(higher))).Check(Library);
}
