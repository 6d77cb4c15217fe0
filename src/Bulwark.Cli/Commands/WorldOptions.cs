using System.CommandLine;
using Bulwark.Caching;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;

namespace Bulwark.Cli.Commands;

/// <summary>
/// The world flags of DESIGN §7 (<c>--earth</c>, <c>--no-rotation</c>) on every verb that flies, and the analysis
/// context they make: one place turns flags into a <see cref="FlightEnvironment"/> and an <see cref="AnalysisContext"/>.
/// </summary>
internal sealed class WorldOptions
{
    private readonly Option<string?> _earth = CommonOptions.Earth();
    private readonly Option<bool> _noRotation = CommonOptions.NoRotation();

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public WorldOptions AddTo(Command command)
    {
        command.Options.Add(_earth);
        command.Options.Add(_noRotation);
        return this;
    }

    /// <summary>The world the flags describe, on top of <paramref name="baseEnvironment"/> (a flight file's own, or the default).</summary>
    public FlightEnvironment Environment(ParseResult parse, FlightEnvironment? baseEnvironment = null) =>
        Of(baseEnvironment ?? FlightEnvironment.Default, parse.GetValue(_earth), parse.GetValue(_noRotation));

    /// <summary>
    /// The analysis context over <paramref name="catalog"/> in the world the flags describe, its reach tables kept in the
    /// user's store (docs/cache.md; none when <c>BULWARK_CACHE=off</c>).
    /// </summary>
    public AnalysisContext Context(ParseResult parse, BulwarkCatalog catalog, SensorOptions? sensors = null) =>
        new(catalog, Environment(parse), sensors: sensors, store: DiskStore.FromEnvironment());

    /// <summary>The world flags as given, for a reproducing command (empty when none was given).</summary>
    public string Flags(ParseResult parse) =>
        (parse.GetValue(_earth) is { } e ? $" --earth {e}" : "") + (parse.GetValue(_noRotation) ? " --no-rotation" : "");

    /// <summary><c>--earth wgs84|sphere</c> and <c>--no-rotation</c> applied to <paramref name="baseEnvironment"/>.</summary>
    public static FlightEnvironment Of(FlightEnvironment baseEnvironment, string? earth, bool noRotation)
    {
        Planet planet = earth switch
        {
            null => baseEnvironment.Planet,
            "wgs84" => Planet.Wgs84,
            "sphere" => Planet.Sphere(Planet.NescSphereRadiusM, Wgs84.GravitationalParameterM3PerS2, Wgs84.RotationRateRadPerS),
            _ => throw new InputException(null, null, null, "--earth", $"unknown earth model '{earth}'; expected wgs84 or sphere"),
        };
        if (noRotation)
        {
            planet = planet with { RotationRateRadPerS = 0 };
        }

        return baseEnvironment with { Planet = planet };
    }
}
