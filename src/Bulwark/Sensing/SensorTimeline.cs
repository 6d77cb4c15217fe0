namespace Bulwark.Sensing;

/// <summary>
/// What one sensor makes of one threat over its flight (DESIGN §7 <c>see</c>): times in seconds since the scenario epoch,
/// null where never.
/// </summary>
/// <param name="SensorId">the deployed sensor</param>
/// <param name="FirstVisibleS">first time in the field of regard and the line of sight (radar), or above the plume altitude while boosting (space IR)</param>
/// <param name="FirstDetectS">first detection (radar: also within range for the RCS then presented; space IR: after its latency)</param>
/// <param name="FirmTrackS">first time the threat has been detected without a break for the sensor's track-formation time</param>
/// <param name="FireControlS">first time it has been detected without a break for the fire-control time (null: the sensor gives no fire-control track)</param>
/// <param name="LastTrackS">last time a formed track is held</param>
/// <param name="FireControlCapable">whether the sensor can give fire-control tracks at all</param>
public sealed record SensorTimeline(string SensorId, double? FirstVisibleS, double? FirstDetectS, double? FirmTrackS, double? FireControlS, double? LastTrackS, bool FireControlCapable);
