using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

/// <summary>
/// How a <see cref="ReachTable"/> is built: the azimuth bins, the elevation fan, the sampling of each fly-out, the
/// grid cells and the world the fly-outs are flown in. The defaults are the ones whose error docs/reach-tables.md reports.
/// </summary>
public sealed record ReachTableOptions
{
    /// <summary>The defaults.</summary>
    public static readonly ReachTableOptions Default = new();

    /// <summary>Azimuth bins, evenly spaced from 0 (north) clockwise; 24 = every 15°.</summary>
    public int AzimuthBins { get; init; } = 24;

    /// <summary>The largest spacing of the elevation fan, rad; the fan spans the interceptor's guidance range evenly.</summary>
    public double ElevationStepRad { get; init; } = Angle.DegToRad(1.0);

    /// <summary>Sampling step of each fly-out, s.</summary>
    public double TimeStepS { get; init; } = 2;

    /// <summary>The longest flight considered, s: later arrivals are out of reach.</summary>
    public double MaxFlightTimeS { get; init; } = 1800;

    /// <summary>Grid spacing in ground range, m; null = <see cref="DefaultRangeCellM"/> for the interceptor.</summary>
    public double? RangeCellM { get; init; }

    /// <summary>Grid spacing in altitude, m; null = half the range cell.</summary>
    public double? AltitudeCellM { get; init; }

    /// <summary>Lowest altitude of the grid (and the floor a fly-out ends at when it comes down through it), m; null = the interceptor's minimum intercept altitude.</summary>
    public double? MinAltitudeM { get; init; }

    /// <summary>Highest altitude of the grid, m; null = the interceptor's maximum intercept altitude.</summary>
    public double? MaxAltitudeM { get; init; }

    /// <summary>The world the fly-outs are flown in (rotating WGS-84, J2, 1976 atmosphere by default).</summary>
    public FlightEnvironment Environment { get; init; } = FlightEnvironment.Default;

    /// <summary>Error control of the fly-outs' integration.</summary>
    public IntegratorOptions Integrator { get; init; } = PropagationOptions.DefaultIntegrator;

    /// <summary>
    /// The default range cell: 10 km for a 4.5 km/s interceptor, scaling with the square of the burnout speed as the reach
    /// does, so that every interceptor's grid has about the same number of nodes (4.4 km for 3 km/s, 19.6 km for
    /// 6.3 km/s, 31.6 km for 8 km/s).
    /// </summary>
    public static double DefaultRangeCellM(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        double ratio = interceptor.BurnoutSpeedMPerS / 4500;
        return 10_000 * ratio * ratio;
    }

    /// <summary>The range cell used for <paramref name="interceptor"/>, m.</summary>
    public double RangeCellFor(Interceptor interceptor) => RangeCellM ?? DefaultRangeCellM(interceptor);

    /// <summary>The altitude cell used for <paramref name="interceptor"/>, m.</summary>
    public double AltitudeCellFor(Interceptor interceptor) => AltitudeCellM ?? RangeCellFor(interceptor) / 2;

    /// <summary>Threads used to build (−1 = as many as the runtime likes); the table is the same whatever this is.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
