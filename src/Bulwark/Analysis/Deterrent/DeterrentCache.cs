using System.Collections.Concurrent;
using Bulwark.Earth;

namespace Bulwark.Analysis.Deterrent;

/// <summary>
/// What several <see cref="DeterrentAnalysis"/> runs over the same tracks can share: the flown ICBM tracks, and each
/// (interceptor, site)'s threshold speeds (architectures that share a battery, as the EPAA phases do, search it once).
/// Results are the same with or without it.
/// </summary>
public sealed class DeterrentCache
{
    internal ConcurrentDictionary<string, IReadOnlyList<FlownThreat>> Flights { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<(string Interceptor, Geodetic Site, string Tracks), (ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[]> Thresholds { get; } = new();

    /// <summary>The key of a track list: its threats' ids, missiles, places and shapes.</summary>
    internal static string TracksKey(IReadOnlyList<Catalog.Threat> threats) =>
        string.Join("|", threats.Select(t => $"{t.Id},{t.MissileId},{t.FromId},{t.ToId},{t.Shape}"));
}
