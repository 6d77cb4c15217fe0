namespace Bulwark.Engagement;

/// <summary>How a battery fires at one threat (an architecture's doctrine, a raid's firing).</summary>
public enum FiringMode
{
    /// <summary>One interceptor; look (kill assessment); fire again if time allows.</summary>
    ShootLookShoot,

    /// <summary>Two interceptors at once at each opportunity.</summary>
    Salvo,

    /// <summary>
    /// Raids only (docs/raids.md): shoot-look-shoot while the intercept window allows a look, salvos of two where it does
    /// not. An architecture's doctrine is shoot-look-shoot or salvo.
    /// </summary>
    Adaptive,
}

/// <summary>A firing doctrine: the mode, the kill-assessment time between an intercept and the next launch, and the most shots per threat.</summary>
/// <param name="Mode">shoot-look-shoot or salvo</param>
/// <param name="KillAssessmentS">from an intercept to the decision to fire again, s</param>
/// <param name="MaxShotsPerThreat">interceptors one battery fires at one threat at most</param>
public sealed record Doctrine(FiringMode Mode, double KillAssessmentS, int MaxShotsPerThreat)
{
    /// <summary>
    /// Shoot-look-shoot with 30 s of kill assessment and at most 4 interceptors per threat: notional values; the open
    /// record gives none.
    /// </summary>
    public static readonly Doctrine Default = new(FiringMode.ShootLookShoot, 30, 4);
}
