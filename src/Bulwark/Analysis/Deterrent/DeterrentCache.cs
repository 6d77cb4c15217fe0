using System.Collections.Concurrent;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;

namespace Bulwark.Analysis.Deterrent;

/// <summary>
/// What several <see cref="DeterrentAnalysis"/> runs over the same tracks can share: the flown ICBM tracks, and each
/// (interceptor, site)'s threshold speeds (architectures that share a battery, as the EPAA phases do, search it once).
/// Keys are the records themselves (threat lists compare by their threats). Results are the same with or without it.
/// The thresholds depend on the run's options: share a cache only between runs with the same options and context.
/// </summary>
public sealed class DeterrentCache
{
    /// <summary>The flown tracks of each track list, flown once even when two runs ask at once.</summary>
    internal ConcurrentDictionary<ValueList<Threat>, Lazy<IReadOnlyList<FlownThreat>>> Flights { get; } = new();

    /// <summary>Each (interceptor, site, tracks)'s thresholds, computed once even when two batteries ask at once (a
    /// <see cref="Lazy{T}"/> in thread-safe mode).</summary>
    internal ConcurrentDictionary<(Interceptor Interceptor, Geodetic Site, ValueList<Threat> Tracks), Lazy<(ThresholdSpeed? AtReaction, IReadOnlyList<ThresholdSpeed> Curve)[]>> Thresholds { get; } = new();
}
