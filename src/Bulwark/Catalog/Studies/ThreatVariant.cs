using Bulwark.Flight.Targeting;

namespace Bulwark.Catalog.Studies;

/// <summary>What a threat variant changes in its threat classes.</summary>
public enum ThreatVariantKind
{
    /// <summary>Where the missiles are launched from (the classes' launch places).</summary>
    Launch,

    /// <summary>The trajectory they fly (the classes' shape).</summary>
    Shape,
}

/// <summary>One level of a threat variant: the launch places or the trajectory shape its classes take.</summary>
/// <param name="Name">the level's name in outputs: the places joined by <c>+</c> (<c>tabriz+semnan</c>), or the shape's name</param>
/// <param name="LaunchPlaceIds">for a launch variant, the catalog places (null for a shape variant)</param>
/// <param name="Shape">for a shape variant, the shape (null for a launch variant)</param>
public sealed record ThreatVariantLevel(string Name, IReadOnlyList<string>? LaunchPlaceIds, TrajectoryShape? Shape)
{
    /// <summary>A launch level: the places, named by joining their ids with <c>+</c>.</summary>
    public static ThreatVariantLevel Launch(IReadOnlyList<string> placeIds) => new(string.Join('+', placeIds), [.. placeIds], null);

    /// <summary>A shape level, named as the shape is in files (<c>lofted</c>).</summary>
    public static ThreatVariantLevel Of(TrajectoryShape shape) => new(shape.Name(), null, shape);

    /// <summary>The class as this level makes it.</summary>
    public ThreatClass Apply(ThreatClass c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c with { LaunchPlaceIds = LaunchPlaceIds ?? c.LaunchPlaceIds, Shape = Shape ?? c.Shape };
    }
}

/// <summary>
/// A threat variant of a study's sweep (its <c>sweep.variants</c> block, docs/sweeps.md): a categorical input that sets
/// the launch places, or the trajectory shape, of some of the study's threat classes to one of several levels. Level 0 is
/// the study's own choice (the nominal run's); the others are the block's, in its order. Its input's name is
/// <c>threats.launch</c> or <c>threats.shape</c>.
/// </summary>
/// <param name="Kind">launch places or shape</param>
/// <param name="ClassIds">the threat classes it changes, in the study's order</param>
/// <param name="Levels">the levels, the study's own first</param>
/// <param name="Provenance">where the levels come from</param>
public sealed record ThreatVariant(ThreatVariantKind Kind, IReadOnlyList<string> ClassIds, IReadOnlyList<ThreatVariantLevel> Levels, Provenance Provenance)
{
    /// <summary>The prefix of a variant's input name.</summary>
    public const string NamePrefix = "threats.";

    /// <summary>The input's name: <c>threats.launch</c> or <c>threats.shape</c>.</summary>
    public string Name => NamePrefix + (Kind == ThreatVariantKind.Launch ? "launch" : "shape");

    /// <summary>The study's classes with level <paramref name="level"/> applied to those the variant changes.</summary>
    public IReadOnlyList<ThreatClass> Apply(IReadOnlyList<ThreatClass> classes, int level)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels.Count);
        return [.. classes.Select(c => ClassIds.Contains(c.Id) ? Levels[level].Apply(c) : c)];
    }
}
