using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bulwark.Earth;
using Bulwark.Sensing;

namespace Bulwark.Analysis;

/// <summary>
/// Radar timelines shared by every architecture evaluated in one <see cref="AnalysisContext"/>: the same radar (its
/// specification, site, boresight and refraction) looking at the same track gives the same timeline whichever
/// architecture deploys it, so a comparison computes it once per track (the AN/TPY-2 at Kürecik is in five of the Lisbon
/// study's seven architectures). Only the sensor's id differs between architectures, and is set on the way out. Keyed
/// by the track object: its timelines go when the track does (a threat grid letting its tracks go).
/// </summary>
internal sealed class RadarTimelines
{
    private readonly ConditionalWeakTable<ThreatTrack, ConcurrentDictionary<Key, SensorTimeline>> _byTrack = [];

    /// <summary>Timelines computed so far (not found shared).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    private long _computed;

    /// <summary><see cref="Timelines.Radar"/> of <paramref name="radar"/> and <paramref name="track"/>, computed once per equal radar.</summary>
    public SensorTimeline Of(DeployedRadar radar, ThreatTrack track)
    {
        ConcurrentDictionary<Key, SensorTimeline> perTrack = _byTrack.GetValue(track, _ => new ConcurrentDictionary<Key, SensorTimeline>());
        SensorTimeline shared = perTrack.GetOrAdd(new Key(radar.Spec, radar.Site, radar.BoresightAzimuthRad, radar.RefractionK), _ =>
        {
            Interlocked.Increment(ref _computed);
            return Timelines.Radar(radar, track);
        });
        return shared.SensorId == radar.Id ? shared : shared with { SensorId = radar.Id };
    }

    private readonly record struct Key(RadarSpec Spec, Geodetic Site, double BoresightAzimuthRad, double RefractionK);
}
