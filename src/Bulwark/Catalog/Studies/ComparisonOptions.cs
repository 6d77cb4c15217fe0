
namespace Bulwark.Catalog.Studies;

/// <summary>
/// What a comparison runs. A study file (<see cref="Study"/>, docs/studies.md) fills it: the architectures, threat classes
/// and participation question are the study's (Lisbon 2010's are in the shipped <c>studies/lisbon-2010.yaml</c>, not here);
/// the defaults below are those a study may leave out.
/// </summary>
public sealed record ComparisonOptions
{
    /// <summary>The default resolution, degrees (<see cref="FootprintSettings.ResolutionDeg"/>, adaptive).</summary>
    public const double DefaultStepDeg = FootprintSettings.ResolutionDeg;

    /// <summary>The report's title (a study's name).</summary>
    public required string Title { get; init; }

    /// <summary>The architectures, in the order the report shows them.</summary>
    public required IReadOnlyList<string> ArchitectureIds { get; init; }

    public required IReadOnlyList<ThreatClass> ThreatClasses { get; init; }

    /// <summary>The "what participation adds" question, if the study asks it.</summary>
    public Participation? Participation { get; init; }

    /// <summary>
    /// Footprint grid step, degrees of latitude and longitude: the effective resolution of an adaptive grid
    /// (<see cref="Adaptive"/>), or the step of a uniform one.
    /// </summary>
    public double StepDeg { get; init; } = DefaultStepDeg;

    /// <summary>
    /// Whether footprints are adaptive (coarse blocks refined near every boundary down to <see cref="StepDeg"/>; a study's
    /// <c>resolution_deg</c>, the default) or uniform (every cell of <see cref="StepDeg"/>; a study's <c>step_deg</c>, <c>--step-deg</c>).
    /// </summary>
    public bool Adaptive { get; init; } = true;

    /// <summary>NATO's members of 2010 (28) or 2024 (32).</summary>
    public int MembersYear { get; init; } = FootprintSettings.MembersYear;

    /// <summary>Whether to run the deterrent analysis (Russian ICBM tracks) for each architecture.</summary>
    public bool Deterrent { get; init; } = true;

    public DeterrentOptions DeterrentOptions { get; init; } = DeterrentOptions.Default;

    /// <summary>The threat set whose shot opportunities are counted for each architecture (Iranian missiles at Europe).</summary>
    public string ShotsThreatSet { get; init; } = "iran-to-europe";
}
