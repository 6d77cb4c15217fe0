namespace Bulwark.Sensing;

/// <summary>
/// Builds sensor timelines from a threat track. Times are at the track's sample step (detection is taken to hold between
/// two consecutive detected samples); a track needs unbroken detection for its formation time.
/// </summary>
public static class Timelines
{
    /// <summary>A radar's timeline for a threat.</summary>
    public static SensorTimeline Radar(DeployedRadar radar, ThreatTrack track)
    {
        double? visible = null, detect = null, firm = null, fc = null, last = null;
        double? runStart = null;
        double firmTime = radar.Spec.FirmTrackS;
        double? fcTime = radar.Spec.FireControlS is { } f ? Math.Max(f, firmTime) : null;
        double rcs = double.NaN, detectionRangeM = 0;
        foreach (TrackPoint p in track.Points)
        {
            double rcsHere = track.RcsAt(p.TimeS);
            if (rcsHere != rcs)
            {
                (rcs, detectionRangeM) = (rcsHere, radar.DetectionRangeM(rcsHere));
            }

            (bool seen, bool detected) = radar.See(p.EcefM, p.HeightM, detectionRangeM, visibilityKnown: visible is not null);
            if (seen)
            {
                visible ??= p.TimeS;
            }

            if (!detected)
            {
                runStart = null;
                continue;
            }

            detect ??= p.TimeS;
            runStart ??= p.TimeS;
            double held = p.TimeS - runStart.Value;
            if (firm is null && held >= firmTime)
            {
                firm = p.TimeS;
            }

            if (fc is null && fcTime is { } need && held >= need)
            {
                fc = p.TimeS;
            }

            if (firm is not null)
            {
                last = p.TimeS;
            }
        }

        return new SensorTimeline(radar.Id, visible, detect, firm, fc, last, radar.Spec.FireControlS is not null);
    }

    /// <summary>
    /// A space-based infrared sensor's timeline: it sees the plume while the missile boosts above the plume altitude, and
    /// reports after its latency. It cues; it gives no track to fire on.
    /// </summary>
    public static SensorTimeline SpaceInfrared(string id, SpaceInfraredSpec spec, ThreatTrack track)
    {
        double? visible = null, lastSeen = null;
        foreach (TrackPoint p in track.Points)
        {
            if (track.Boosting(p.TimeS) && p.HeightM >= spec.MinPlumeAltitudeM)
            {
                visible ??= p.TimeS;
                lastSeen = p.TimeS;
            }
        }

        return new SensorTimeline(id, visible, visible + spec.LatencyS, null, null, lastSeen + spec.LatencyS, false);
    }
}
