using Bulwark.Flight.Vehicles;

namespace Bulwark.Engagement;

/// <summary>
/// An interceptor: a staged rocket whose payload is the kill vehicle, with the burnout speed its stages are calibrated
/// to reach, its intercept altitude limits, its reaction time and its single-shot kill probability.
/// </summary>
/// <param name="Id">catalog id</param>
/// <param name="Rocket">the booster and kill vehicle (the kill vehicle flies on as the "re-entry vehicle")</param>
/// <param name="BurnoutSpeedMPerS">the burnout speed the stages are calibrated to on the standard fly-out, m/s</param>
/// <param name="MinInterceptAltitudeM">lowest intercept altitude, m</param>
/// <param name="MaxInterceptAltitudeM">highest intercept altitude, m</param>
/// <param name="ReactionTimeS">from a fire-control track to launch, s</param>
/// <param name="SingleShotPk">single-shot kill probability</param>
public sealed record Interceptor(
    string Id,
    StagedRocket Rocket,
    double BurnoutSpeedMPerS,
    double MinInterceptAltitudeM,
    double MaxInterceptAltitudeM,
    double ReactionTimeS,
    double SingleShotPk)
{
    public string Name => Rocket.Name;

    /// <summary>
    /// The interceptor as its fly-outs see it: its reaction time and kill probability set to 0, since neither shapes a
    /// fly-out. What reach tables (in memory and in the store) and the deterrent's stored threshold searches are keyed
    /// by, so that a sweep varying a reaction time reuses them.
    /// </summary>
    public Interceptor FlyOutKey => this with { ReactionTimeS = 0, SingleShotPk = 0 };
}
