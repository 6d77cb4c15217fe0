using Bulwark.Caching;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Numerics;
using Bulwark.Sensing;
using Bulwark.Catalog.Studies;

namespace Bulwark.Analysis.Deterrent;

/// <summary>
/// The threshold burnout speed of an interceptor at one site against a set of tracks: for a launch delay d, the lowest
/// burnout speed v (on a grid) at which some track sample P_k at t_k within the interceptor's altitude limits is reached
/// by a launch at or after d: L(v) = max_k (t_k − T_v(P_k)) ≥ d, with T_v the earliest arrival of the interceptor scaled to
/// v (<see cref="SpeedScaledInterceptor"/>), from its reach table on the rotating Earth. Guidance is assumed everywhere
/// (ideal sensors). The search is a binary search on the speed grid, assuming L grows with v.
/// </summary>
/// <remarks>
/// Each grid speed costs one reach table; its L for every track is computed when it is built and kept (the table is
/// not), so the searches for all tracks and delays share them. Results do not depend on the thread count.
/// </remarks>
public sealed class ThresholdSearch
{
    private readonly Interceptor _base;
    private readonly Geodetic _site;
    private readonly IReadOnlyList<ThreatTrack> _tracks;
    private readonly DeterrentOptions _options;
    private readonly Dictionary<int, double[]> _latest = [];
    private readonly int _levels;
    private readonly DiskStore? _store;
    private string? _description;
    private Vec3[]? _lookups;

    /// <param name="baseInterceptor">the battery's interceptor (its altitude limits bound the intercepts)</param>
    /// <param name="site">the battery's site</param>
    /// <param name="tracks">the ICBM tracks, launched at t = 0</param>
    /// <param name="options">the speed grid and the reach-table options</param>
    /// <param name="store">where each grid speed's latest launches are kept between processes (null: none)</param>
    public ThresholdSearch(Interceptor baseInterceptor, Geodetic site, IReadOnlyList<ThreatTrack> tracks, DeterrentOptions options, DiskStore? store = null)
    {
        _store = store;
        ArgumentNullException.ThrowIfNull(options);
        _base = baseInterceptor;
        _site = site;
        _tracks = tracks;
        _options = options;
        _levels = (int)Math.Round((options.MaxSpeedMPerS - options.MinSpeedMPerS) / options.SpeedQuantumMPerS) + 1;
        if (_levels < 2)
        {
            throw new ArgumentException("the threshold search needs a maximum speed above the minimum");
        }
    }

    /// <summary>Reach tables built so far (one per grid speed visited).</summary>
    public int TablesBuilt => _latest.Count;

    /// <summary>The grid speed of level <paramref name="level"/>, m/s.</summary>
    public double SpeedMPerS(int level) => _options.MinSpeedMPerS + level * _options.SpeedQuantumMPerS;

    /// <summary>The latest launch (s after the ICBM's launch) from which track <paramref name="track"/> can be intercepted at grid speed <paramref name="level"/>; −∞ when none.</summary>
    public double LatestLaunchS(int track, int level)
    {
        if (!_latest.TryGetValue(level, out double[]? latest))
        {
            latest = _store is null ? Latest(level)
                : _store.GetOrAdd(StoreKind, DiskStore.KeyOf($"{StoreDescription()}; speed level {level}"), () => Latest(level), Encode, Decode);
            _latest[level] = latest;
        }

        return latest[track];
    }

    /// <summary>The kind (store folder) the latest launches of each grid speed are kept under.</summary>
    public const string StoreKind = "threshold";

    /// <summary>
    /// What the stored latest launches depend on: the code (this assembly's module version id), the interceptor, site and
    /// table options, the speed grid, and every point of every track (a SHA-256 of their bytes).
    /// </summary>
    private string StoreDescription()
    {
        if (_description is null)
        {
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (ThreatTrack t in _tracks)
            {
                TrackPoint[] points = [.. t.Points];
                sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(points.AsSpan()));
                sha.AppendData(BitConverter.GetBytes(points.Length));
            }

            _description = $"bulwark threshold latest launches; code {typeof(ThresholdSearch).Module.ModuleVersionId:N}; tracks {Convert.ToHexStringLower(sha.GetHashAndReset())}; "
                + CanonicalDescription.Of((_base.FlyOutKey, _site, _options.ThresholdTables with { MaxDegreeOfParallelism = -1 }, _options.MinSpeedMPerS, _options.SpeedQuantumMPerS));
        }

        return _description;
    }

    private static byte[] Encode(double[] latest) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(latest.AsSpan()).ToArray();

    private double[] Decode(byte[] payload) =>
        payload.Length == 8 * _tracks.Count
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(payload).ToArray()
            : throw new InvalidDataException("stored latest launches for another number of tracks");

    /// <summary>The latest launch against every track at grid speed <paramref name="level"/> (one reach table).</summary>
    private double[] Latest(int level)
    {
        double[] latest;
        {
            // A speed too low for any copy of the interceptor that still flies reaches nothing (SpeedScaledInterceptor).
            if (SpeedScaledInterceptor.TryFor(_base, SpeedMPerS(level)) is { } scaled)
            {
                // Inverted only where the tracks are looked up: the same latest launches, without the rest of each bin's grid.
                _lookups ??= [.. _tracks.SelectMany(t => t.Points)
                    .Where(p => p.HeightM >= _base.MinInterceptAltitudeM && p.HeightM <= _base.MaxInterceptAltitudeM).Select(p => p.EcefM)];
                ReachTable table = ReachTable.OnDemandAt(scaled, _site, _options.ThresholdTables, _lookups);
                latest = [.. _tracks.Select(t => LatestLaunchS(t, table, _base))];
            }
            else
            {
                latest = [.. _tracks.Select(_ => double.NegativeInfinity)];
            }
        }

        return latest;
    }

    /// <summary>The latest launch time from which <paramref name="reach"/> meets <paramref name="track"/> within <paramref name="limits"/>' altitudes; −∞ when never.</summary>
    public static double LatestLaunchS(ThreatTrack track, ReachTable reach, Interceptor limits) => LatestLaunch(track, reach, limits).LaunchS;

    /// <summary>As <see cref="LatestLaunchS(ThreatTrack, ReachTable, Interceptor)"/>, with the interceptor's flight time to that intercept (−∞ and 0 when never).</summary>
    public static (double LaunchS, double ArrivalS) LatestLaunch(ThreatTrack track, ReachTable reach, Interceptor limits)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(limits);
        (double LaunchS, double ArrivalS) latest = (double.NegativeInfinity, 0);
        foreach (TrackPoint p in track.Points)
        {
            if (p.HeightM < limits.MinInterceptAltitudeM || p.HeightM > limits.MaxInterceptAltitudeM)
            {
                continue;
            }

            ReachPoint r = reach.Earliest(p.EcefM);
            if (r.IsReachable && p.TimeS - r.ArrivalS > latest.LaunchS)
            {
                latest = (p.TimeS - r.ArrivalS, r.ArrivalS);
            }
        }

        return latest;
    }

    /// <summary>The threshold speed for track <paramref name="track"/> (index into the tracks) and launch delay <paramref name="delayS"/>.</summary>
    /// <remarks>
    /// A binary search over the coarse grid (every <see cref="DeterrentOptions.CoarseStepMPerS"/>) brackets the threshold.
    /// Where the intercept exists at both ends of the bracket, L is interpolated linearly in v, the threshold rounded up to
    /// the fine grid and then corrected on it to the least speed that intercepts (the fine-grid bisection's answer); where
    /// it does not exist at the slower end (the speed at which the reach first touches the track lies inside), the bracket
    /// is bisected on the fine grid. docs/deterrent.md says what the correction changed and what it costs.
    /// </remarks>
    public ThresholdSpeed Threshold(int track, double delayS)
    {
        bool Feasible(int level) => LatestLaunchS(track, level) >= delayS;
        int step = Math.Max(1, (int)Math.Round(_options.CoarseStepMPerS / _options.SpeedQuantumMPerS));
        int last = _levels - 1;
        if (!Feasible(last))
        {
            return new ThresholdSpeed(delayS, null, false);
        }

        if (Feasible(0))
        {
            return new ThresholdSpeed(delayS, SpeedMPerS(0), true);
        }

        // Coarse levels 0, step, 2·step, …, last; infeasible at lo, feasible at hi.
        int coarse = (last + step - 1) / step;
        int Coarse(int i) => Math.Min(i * step, last);
        int cLo = 0, cHi = coarse;
        while (cHi - cLo > 1)
        {
            int mid = (cLo + cHi) / 2;
            if (Feasible(Coarse(mid)))
            {
                cHi = mid;
            }
            else
            {
                cLo = mid;
            }
        }

        int lo = Coarse(cLo), hi = Coarse(cHi);
        double lLo = LatestLaunchS(track, lo), lHi = LatestLaunchS(track, hi);
        if (double.IsFinite(lLo) && hi - lo > 1)
        {
            double fraction = (delayS - lLo) / (lHi - lLo);
            int level = Math.Clamp(lo + (int)Math.Ceiling(fraction * (hi - lo) - 1e-9), lo + 1, hi);
            // L is not linear in v, so the interpolated speed may fall short of an intercept or overshoot the least speed
            // that intercepts (0.1 km/s either way in 30 of 79 thresholds measured): it is corrected on the fine grid, up
            // until it intercepts (hi does), then down while the speed below does too. The interpolation is then only a
            // first guess that saves the bisection's tables; the answer is the bisection's.
            while (level < hi && !Feasible(level))
            {
                level++;
            }

            while (level > lo + 1 && Feasible(level - 1))
            {
                level--;
            }

            return new ThresholdSpeed(delayS, SpeedMPerS(level), false);
        }

        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Feasible(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new ThresholdSpeed(delayS, SpeedMPerS(hi), false);
    }
}
