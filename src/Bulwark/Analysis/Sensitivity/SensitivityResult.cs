using Bulwark.Catalog.Studies;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>A flip of a yes/no conclusion, located by bisection where the sweep could afford it.</summary>
/// <param name="Flip">the one-at-a-time flip: the input, the end of its range where the answer differs, the answer there</param>
/// <param name="Bracket">the bisection's bracket around the value where the answer changes (null: not refined; the
/// change is somewhere between the nominal value and the end)</param>
public sealed record LocatedFlip(Flip Flip, FlipBracket? Bracket)
{
    /// <summary>
    /// The best estimate of where the answer changes: the bracket's midpoint, or the range's midpoint between nominal and
    /// the end; for a variant, the index of the level that flips it.
    /// </summary>
    public double Value => Flip.Side == FlipSide.Level ? Flip.SideInput : Bracket?.Value ?? Flip.NominalInput + (Flip.SideInput - Flip.NominalInput) / 2;

    /// <summary>Half the width of the interval that holds the change, in the input's unit (0 for a variant's level).</summary>
    public double Uncertainty => Flip.Side == FlipSide.Level ? 0 : Bracket is { } b ? Math.Abs(b.To - b.From) / 2 : Math.Abs(Flip.SideInput - Flip.NominalInput) / 2;
}

/// <summary>One conclusion across the sweep.</summary>
/// <param name="Conclusion">what it is</param>
/// <param name="Nominal">its value in the nominal run (1/0 for yes/no)</param>
/// <param name="Band">its spread over the sample (null with no sample)</param>
/// <param name="YesShare">for a yes/no conclusion, the share of sampled runs answering yes (null: a number, or no sample)</param>
/// <param name="Tornado">the one-at-a-time swings, ranked</param>
/// <param name="Flips">for a yes/no conclusion, every input end that changes the answer, located (empty for numbers)</param>
public sealed record ConclusionSensitivity(Conclusion Conclusion, double Nominal, Band? Band, double? YesShare, Tornado Tornado, IReadOnlyList<LocatedFlip> Flips);

/// <summary>What a study's sweep found (docs/sweeps.md).</summary>
/// <param name="StudyId">the study's id</param>
/// <param name="StudyKey">the study's key in the runs (id and a hash of the study and the runs' settings)</param>
/// <param name="Version">the model version the runs were keyed with</param>
/// <param name="Settings">the sweep's settings as run</param>
/// <param name="Inputs">the uncertain inputs, in order</param>
/// <param name="OneAtATime">the tornado design and its runs</param>
/// <param name="Sample">the sampled design and its runs (null with no sample)</param>
/// <param name="Bisections">the runs that located flips, in the order they were asked for</param>
/// <param name="Conclusions">every conclusion: headline ones first, in the comparison's order</param>
public sealed record SensitivityResult(
    string StudyId,
    string StudyKey,
    string Version,
    SweepSettings Settings,
    IReadOnlyList<StudyInput> Inputs,
    (SweepDesign Design, SweepResult Runs) OneAtATime,
    (SweepDesign Design, SweepResult Runs)? Sample,
    (string Sweep, IReadOnlyList<RunRow> Rows, int Computed) Bisections,
    IReadOnlyList<ConclusionSensitivity> Conclusions)
{
    /// <summary>Runs computed by this call (not found in the store).</summary>
    public int Computed => OneAtATime.Runs.Computed + (Sample?.Runs.Computed ?? 0) + Bisections.Computed;

    /// <summary>Every run's row: the one-at-a-time design's, the sample's, then the bisections'.</summary>
    public IReadOnlyList<RunRow> AllRows => [.. OneAtATime.Runs.Rows, .. Sample?.Runs.Rows ?? [], .. Bisections.Rows];
}
