namespace Bulwark.Sensing;

/// <summary>A sensor type as the catalog describes it (a radar or a space-based infrared system).</summary>
public abstract record SensorSpec(string Id, string Name);

/// <summary>A radar type.</summary>
/// <param name="Id">catalog id</param>
/// <param name="Name">display name</param>
/// <param name="Band">frequency band (X, S, VHF, UHF …)</param>
/// <param name="DetectionRangeM">detection range against <paramref name="ReferenceRcsM2"/>, m (scales as σ^¼)</param>
/// <param name="ReferenceRcsM2">the radar cross-section the range is stated for, m²</param>
/// <param name="BoresightAzimuthRad">fixed boresight azimuth, rad (null: set per deployment)</param>
/// <param name="AzimuthHalfWidthRad">half-width of the field of regard in azimuth, rad (π = full circle)</param>
/// <param name="MinElevationRad">lowest elevation it looks at, rad</param>
/// <param name="MaxElevationRad">highest, rad</param>
/// <param name="FirmTrackS">from first detection to a firm track, s</param>
/// <param name="FireControlS">from first detection to a fire-control-quality track, s (null: early warning only)</param>
public sealed record RadarSpec(
    string Id,
    string Name,
    string Band,
    double DetectionRangeM,
    double ReferenceRcsM2,
    double? BoresightAzimuthRad,
    double AzimuthHalfWidthRad,
    double MinElevationRad,
    double MaxElevationRad,
    double FirmTrackS,
    double? FireControlS) : SensorSpec(Id, Name);

/// <summary>Space-based infrared early warning: sees a boosting missile above a plume altitude, after a latency.</summary>
public sealed record SpaceInfraredSpec(string Id, string Name, double MinPlumeAltitudeM, double LatencyS) : SensorSpec(Id, Name);
