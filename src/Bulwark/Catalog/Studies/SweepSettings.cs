namespace Bulwark.Catalog.Studies;

/// <summary>
/// How <c>bulwark sweep</c> runs a study (a study's <c>sweep:</c> block, docs/sweeps.md): which uncertain numbers it
/// varies, the footprint grid of its runs (coarser than the comparison's: a sweep is dozens of comparisons), the size and
/// seed of its sample, and how finely it locates each flip. The ranges themselves are the catalog's (each entry's
/// <c>uncertain:</c> block) and the study's own (<see cref="Ranges"/>).
/// </summary>
public sealed record SweepSettings
{
    /// <summary>The default grid step of a sweep's runs, degrees (uniform).</summary>
    public const double DefaultStepDeg = 4;

    /// <summary>The default number of sampled runs (Latin hypercube).</summary>
    public const int DefaultSamples = 16;

    /// <summary>The default seed of the sample.</summary>
    public const ulong DefaultSeed = 2010;

    /// <summary>The default number of bisection steps that locate a flip between two runs (each halves the bracket).</summary>
    public const int DefaultFlipBisections = 5;

    /// <summary>The defaults: every uncertain number, a uniform 4° grid, 16 samples, seed 2010, 5 bisections a flip.</summary>
    public static readonly SweepSettings Default = new();

    /// <summary>The uncertain numbers to vary, by name (<c>ENTRY.PATH</c>); null: every range of an entry the study uses.</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>The grid of each run, degrees: a uniform step, or an adaptive resolution when <see cref="Adaptive"/>.</summary>
    public double StepDeg { get; init; } = DefaultStepDeg;

    /// <summary>Whether the runs' footprints are adaptive (<see cref="StepDeg"/> at every boundary) rather than uniform.</summary>
    public bool Adaptive { get; init; }

    /// <summary>Sampled runs over every input together (for the bands).</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>The sample's seed.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Bisection steps per flip (0: report a flip between the nominal value and the range's end only).</summary>
    public int FlipBisections { get; init; } = DefaultFlipBisections;

    /// <summary>Whether the runs search the deterrent's threshold speeds (slow; the tracks engageable are counted either way).</summary>
    public bool Thresholds { get; init; }

    /// <summary>The study's own ranges (its <c>uncertain:</c> block): they add to the catalog's and replace one of the same name.</summary>
    public IReadOnlyList<NumberRange> Ranges { get; init; } = [];

    /// <summary>The threat variants (its <c>variants:</c> block): launch places and trajectory shapes as categorical inputs.</summary>
    public IReadOnlyList<ThreatVariant> Variants { get; init; } = [];
}
