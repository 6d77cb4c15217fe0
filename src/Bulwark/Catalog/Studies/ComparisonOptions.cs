
namespace Bulwark.Catalog.Studies;

/// <summary>
/// What a comparison runs. A study file (<see cref="Study"/>, docs/studies.md) fills it; the defaults here are the values of
/// the shipped <c>studies/lisbon-2010.yaml</c>, kept for library callers (StudyReaderTests checks that the two agree).
/// </summary>
public sealed record ComparisonOptions
{
    /// <summary>The seven architectures on the table at Lisbon in 2010, in the order the report shows them.</summary>
    public static readonly IReadOnlyList<string> Lisbon2010Architectures =
    [
        "third-site-2007", "epaa-phase-1-2011", "epaa-phase-2-2015", "epaa-phase-3-2018", "epaa-phase-4-2020",
        "nato-russia-shared-radars", "nato-russia-sectoral",
    ];

    /// <summary>The architecture Russian participation is measured against.</summary>
    public const string Baseline = "epaa-phase-3-2018";

    /// <summary>The architectures that add Russia to the baseline.</summary>
    public static readonly IReadOnlyList<string> RussianParticipation = ["nato-russia-shared-radars", "nato-russia-sectoral"];

    /// <summary>The default grid step, degrees (<see cref="FootprintSettings.ComparisonStepDeg"/>).</summary>
    public const double DefaultStepDeg = FootprintSettings.ComparisonStepDeg;

    /// <summary>The report's title (a study's name).</summary>
    public string Title { get; init; } = "Lisbon 2010: European missile-defence architectures compared";

    public IReadOnlyList<string> ArchitectureIds { get; init; } = Lisbon2010Architectures;

    public IReadOnlyList<ThreatClass> ThreatClasses { get; init; } = ThreatClass.Lisbon2010;

    /// <summary>Footprint grid step, degrees of latitude and longitude.</summary>
    public double StepDeg { get; init; } = DefaultStepDeg;

    /// <summary>NATO's members of 2010 (28) or 2024 (32).</summary>
    public int MembersYear { get; init; } = FootprintSettings.MembersYear;

    /// <summary>Whether to run the deterrent analysis (Russian ICBM tracks) for each architecture.</summary>
    public bool Deterrent { get; init; } = true;

    public DeterrentOptions DeterrentOptions { get; init; } = DeterrentOptions.Default;

    /// <summary>The threat set whose shot opportunities are counted for each architecture (Iranian missiles at Europe).</summary>
    public string ShotsThreatSet { get; init; } = "iran-to-europe";
}
