using Bulwark.Numerics;

namespace Bulwark.Sensing;

/// <summary>One sample of a threat's path: time, Earth-fixed position, geodetic height and Earth-relative velocity (ECEF axes).</summary>
public readonly record struct TrackPoint(double TimeS, Vec3 EcefM, double HeightM, Vec3 VelocityEcefMPerS = default);

/// <summary>How large a threat looks to radars: the boosting missile, then the re-entry vehicle alone (m²).</summary>
public sealed record ThreatSignature(double BoosterRcsM2, double ReentryVehicleRcsM2);

/// <summary>
/// A threat's flight as the sensors receive it: samples from launch to impact at a fixed step, the burnout time (the
/// booster is seen until then, the re-entry vehicle after), and the radar cross-sections.
/// </summary>
public sealed record ThreatTrack(string Id, IReadOnlyList<TrackPoint> Points, double LaunchTimeS, double BurnoutTimeS, ThreatSignature Signature)
{
    /// <summary>The radar cross-section presented at time <paramref name="timeS"/>, m².</summary>
    public double RcsAt(double timeS) => timeS <= BurnoutTimeS ? Signature.BoosterRcsM2 : Signature.ReentryVehicleRcsM2;

    public bool Boosting(double timeS) => timeS >= LaunchTimeS && timeS <= BurnoutTimeS;
}
