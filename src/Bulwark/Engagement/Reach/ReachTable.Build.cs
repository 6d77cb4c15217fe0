using Bulwark.Caching;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

public sealed partial class ReachTable
{
    /// <summary>How far (in grid cells) a sheet's values are continued past the fan's edge fly-outs.</summary>
    private const double EdgeMarginCells = 2;

    /// <summary>The most a sheet is continued past an edge, in fan spacings.</summary>
    private const double MaxContinuation = 30;

    /// <summary>
    /// Builds the table for <paramref name="interceptor"/> launched from <paramref name="site"/>: flies every fly-out
    /// (in parallel, one azimuth bin per task: the result does not depend on the thread count) and inverts the fans.
    /// </summary>
    public static ReachTable Build(Interceptor interceptor, Geodetic site, ReachTableOptions? options = null)
    {
        ReachTable table = OnDemand(interceptor, site, options);
        table.BuildAll();
        return table;
    }

    /// <summary>
    /// The table for <paramref name="interceptor"/> launched from <paramref name="site"/>, each azimuth bin built when a
    /// lookup first needs it (its fly-outs flown in parallel). Every lookup answers exactly as the table of
    /// <see cref="Build"/> does, since a bin is built the same way whenever and by whichever thread; what it saves is the
    /// bins no lookup touches (the analyses look toward their threats, a sector of the compass). Thread-safe.
    /// </summary>
    public static ReachTable OnDemand(Interceptor interceptor, Geodetic site, ReachTableOptions? options = null) => OnDemand(interceptor, site, options, null);

    /// <summary>
    /// As <see cref="OnDemand(Interceptor, Geodetic, ReachTableOptions?)"/>, each bin read from <paramref name="store"/>
    /// when it holds it (checked; docs/cache.md) and written to it when built: a bin is stored under a key derived from
    /// every number of the interceptor, the site and the options and from the code that builds it
    /// (<see cref="StoreKeys"/>), so a stored bin is exactly the bin that would be built. Null: no store.
    /// </summary>
    public static ReachTable OnDemand(Interceptor interceptor, Geodetic site, ReachTableOptions? options, DiskStore? store)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        options ??= ReachTableOptions.Default;
        Validate(options);
        double minAlt = options.MinAltitudeM ?? interceptor.MinInterceptAltitudeM;
        double maxAlt = options.MaxAltitudeM ?? interceptor.MaxInterceptAltitudeM;
        if (!(maxAlt > minAlt) || !(minAlt >= 0))
        {
            throw new ArgumentException($"the altitude band must satisfy 0 ≤ min < max (got {minAlt} m to {maxAlt} m)");
        }

        (double lo, double hi) = interceptor.Rocket.ElevationRange;
        int steps = Math.Max(1, (int)Math.Ceiling((hi - lo) / options.ElevationStepRad - 1e-9));
        double[] elevations = [.. Enumerable.Range(0, steps + 1).Select(i => i == steps ? hi : lo + (hi - lo) * i / steps)];
        var theta = ThetaCode.For(lo, hi, MaxContinuation * (hi - lo) / steps);
        double rangeCell = options.RangeCellFor(interceptor), altitudeCell = options.AltitudeCellFor(interceptor);
        if (!(rangeCell > 0) || !(altitudeCell > 0))
        {
            throw new ArgumentException($"grid cells must be positive (got {rangeCell} m by {altitudeCell} m)");
        }

        int rows = (int)Math.Ceiling((maxAlt - minAlt) / altitudeCell - 1e-9) + 1;
        double topAlt = minAlt + (rows - 1) * altitudeCell;
        var fan = new FanSpec(interceptor, site, options, elevations, rangeCell, altitudeCell, minAlt, rows, theta);
        return new ReachTable(fan, Math.Min(maxAlt, topAlt), store is null ? null : new StoredBins(store, StoreKeys.Table(interceptor, site, options)));
    }

    /// <summary>
    /// A table that answers only at <paramref name="pointsEcefM"/> (Earth-fixed points, m): each bin is built when a lookup
    /// first needs it, as <see cref="OnDemand(Interceptor, Geodetic, ReachTableOptions?)"/> builds it, but its fans are
    /// inverted only onto the grid nodes around those points. At each of them <see cref="Earliest(Vec3)"/> answers to
    /// the bit as that table does (a node's value is the earliest of the same quads, offered in the same order); anywhere
    /// else it may answer "out of reach" where that table reaches. For a caller that knows every point it will look up
    /// before it looks (the deterrent's threshold tables: one table per speed, looked up along a few tracks, then
    /// dropped), it saves the rasterisation of the rest of each bin. Never stored.
    /// </summary>
    internal static ReachTable OnDemandAt(Interceptor interceptor, Geodetic site, ReachTableOptions? options, IEnumerable<Vec3> pointsEcefM)
    {
        ArgumentNullException.ThrowIfNull(pointsEcefM);
        ReachTable full = OnDemand(interceptor, site, options);
        var cells = new HashSet<(int Column, int Row)>();
        foreach (Vec3 p in pointsEcefM)
        {
            // As Earliest(Vec3) finds its cell: the same geodetic point, azimuth and range, grid position.
            Geodetic g = full._shape.ToGeodetic(p);
            (_, double range) = full._geodesic.To(g.LatitudeRad, g.LongitudeRad);
            double x = range * full._invRangeCell, y = (g.HeightM - full.MinAltitudeM) * full._invAltitudeCell;
            if (x >= 0 && y >= 0 && y <= full._rows - 1 && double.IsFinite(x))
            {
                cells.Add(((int)x, Math.Min((int)y, full._rows - 2)));
            }
        }

        return new ReachTable(full._fan with { Cells = [.. cells.Order()] }, full.MaxAltitudeM, null);
    }

    /// <summary>Builds every bin not built yet: one worker (and one set of buffers) per thread, taking bins in turn.</summary>
    private void BuildAll()
    {
        int bins = _bins.Length;
        var missing = Enumerable.Range(0, bins).Where(k => Volatile.Read(ref _bins[k]) is null).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        int workers = Math.Min(missing.Length, _fan.Options.MaxDegreeOfParallelism > 0 ? _fan.Options.MaxDegreeOfParallelism : Environment.ProcessorCount);
        int next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var builder = new FanBuilder(_fan, parallelFlyouts: false);
            for (int i = Interlocked.Increment(ref next); i < missing.Length; i = Interlocked.Increment(ref next))
            {
                Publish(missing[i], builder);
            }
        });
    }

    /// <summary>Builds bin <paramref name="bin"/> (once, whichever thread asks first) and returns its grid.</summary>
    /// <remarks>
    /// A thread that asks for a bin another is building flies the fan's fly-outs left to fly before it waits: inside the
    /// analyses' parallel loops the thread that would have waited is the one core the builder's own parallel fly-outs
    /// needed (measured on the cold 0.5° comparison: its MRBM class's footprints ran on 1.44 cores of 2, docs/performance.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Node[] BuildBin(int bin)
    {
        Volatile.Read(ref _sharing[bin])?.Help();
        lock (_binLocks[bin])
        {
            return Volatile.Read(ref _bins[bin]) ?? Publish(bin, new FanBuilder(_fan, parallelFlyouts: true), shared => Volatile.Write(ref _sharing[bin], shared));
        }
    }

    /// <summary>
    /// Builds bin <paramref name="bin"/> with <paramref name="builder"/> and publishes it (its columns and samples first);
    /// <paramref name="share"/> is told of the fan's fly-outs while they are flown (then of null).
    /// </summary>
    private Node[] Publish(int bin, FanBuilder builder, Action<SharedFlyouts?>? share = null)
    {
        (Node[] grid, int columns, long samples) = _stored is null
            ? builder.Build(BinAzimuthRad(bin), share)
            : _stored.GetOrBuild(bin, _rows, () => builder.Build(BinAzimuthRad(bin), share));
        _binColumns[bin] = columns;
        _binSamples[bin] = samples;
        Volatile.Write(ref _bins[bin], grid);
        return grid;
    }

    private static void Validate(ReachTableOptions o)
    {
        if (o.AzimuthBins < 1 || !(o.ElevationStepRad > 0) || !(o.TimeStepS > 0) || !(o.MaxFlightTimeS > o.TimeStepS)
            || o.RangeCellM is <= 0 || o.AltitudeCellM is <= 0)
        {
            throw new ArgumentException("reach table options: bins ≥ 1 and positive steps, cells and flight time are required");
        }
    }

    /// <summary>What shapes every bin of one table: the interceptor, site, options, fan and grid.</summary>
    /// <remarks>Cells: where given (<see cref="OnDemandAt"/>), the only grid cells (lower-left column and row) looked up.</remarks>
    private sealed record FanSpec(Interceptor Interceptor, Geodetic Site, ReachTableOptions Options, double[] Elevations, double RangeCellM,
        double AltitudeCellM, double MinAltitudeM, int Rows, ThetaCode Theta, (int Column, int Row)[]? Cells = null);

    /// <summary>
    /// Flies one azimuth bin's fan and inverts it into that bin's grid, in a <see cref="FanWorkspace"/> rented for each bin
    /// and reusing its fly-out runners. One builds one bin at a time. With parallel
    /// fly-outs, the fan's fly-outs are flown on every core (each into its own slots, so the grid is the same).
    /// </summary>
    private sealed class FanBuilder
    {
        private readonly StagedRocket _rocket;
        private readonly Geodetic _site;
        private readonly ReachTableOptions _options;
        private readonly double[] _elevations;
        private readonly double _minAlt;
        private readonly double _rangeCell;
        private readonly double _altitudeCell;
        private readonly int _rows;
        private readonly ThetaCode _theta;
        private readonly ConcurrentBag<FlyoutRunner> _runners = [];
        private readonly bool _parallelFlyouts;
        private readonly double _endM;
        private readonly FlightEnvironment _env;
        private readonly SiteGeodesic _geodesic;
        private readonly int _maxSamples;
        private readonly EarthRotation.Turn[] _turns;
        private readonly (int Column, int Row)[]? _cells;

        // With cells given: per node, whether a lookup reads it, and the count of such nodes below and left of each grid
        // point ((columns + 1) × (rows + 1), summed), to skip a quad whose box holds none.
        private bool[]? _wanted;
        private int[] _wantedBelow = [];

        // While a bin is built, the buffers of a rented FanWorkspace. Per fly-out i, sample j at [i * _maxSamples + j]:
        // grid coordinates x (range / cell) and y ((alt − min) / cell), speed, flight-path angle and bearing offset.
        // Sample k's ECEF position and velocity at [6k, 6k + 6); ready: its x, speed, angle and bearing are computed.
        private double[] _x = [], _y = [], _v = [], _g = [], _b = [], _ecef = [];
        private bool[] _ready = [];
        private int[] _count = [];
        private double _azimuthRad;
        private FlyoutEnd[] _ends = [];

        // While a bin is built, per fly-out the first stage it goes on from (flown once for the programs that share it), or null.
        private FlyoutPrefix?[] _prefixes = [];

        // The bin's grid while it is built, per node and sheet s at [2 * node + s].
        private double[] _t = [], _th = [], _sp = [], _ga = [], _dr = [];
        private bool[] _real = [];

        public FanBuilder(FanSpec fan, bool parallelFlyouts)
        {
            (Interceptor interceptor, Geodetic site, ReachTableOptions options, double[] elevations) = (fan.Interceptor, fan.Site, fan.Options, fan.Elevations);
            double minAlt = fan.MinAltitudeM, altitudeCellM = fan.AltitudeCellM;
            _parallelFlyouts = parallelFlyouts;
            _rangeCell = fan.RangeCellM;
            _altitudeCell = altitudeCellM;
            _rocket = interceptor.Rocket;
            _site = site;
            _options = options;
            _elevations = elevations;
            _minAlt = minAlt;
            _rows = fan.Rows;
            _theta = fan.Theta;
            _env = options.Environment;
            // Fly-outs end below the grid, by two cells and two sampling steps at the burnout speed, so that the quads
            // between neighbouring fly-outs (which end at different times) cover the bottom rows on the way down.
            double endM = minAlt - 2 * altitudeCellM - 2 * options.TimeStepS * interceptor.BurnoutSpeedMPerS;
            _endM = Math.Max(0, endM);
            _geodesic = new SiteGeodesic(_env.Planet.Shape, site);
            _maxSamples = (int)Math.Floor(options.MaxFlightTimeS / options.TimeStepS + 1e-9) + 1;

            // Every fly-out is sampled at the same times (k·step after a launch at t = 0), so the Earth's rotation at each
            // sample is the same for all: computed once for the builder (the same turns, so the same bits).
            double w = _env.Planet.RotationRateRadPerS;
            _turns = new EarthRotation.Turn[_maxSamples];
            for (int j = 0; j < _maxSamples; j++)
            {
                _turns[j] = EarthRotation.At(j * options.TimeStepS, w);
            }

            _cells = fan.Cells;
        }

        /// <summary>
        /// Flies the fan at <paramref name="azimuthRad"/> and inverts it, in a workspace rented for the call; with parallel
        /// fly-outs, <paramref name="share"/> is told of them while they are flown, so that other threads can help.
        /// </summary>
        public (Node[] Grid, int Columns, long Samples) Build(double azimuthRad, Action<SharedFlyouts?>? share = null)
        {
            FanWorkspace workspace = FanWorkspace.Rent(_elevations.Length, _maxSamples);
            try
            {
                (_x, _y, _v, _g, _b, _count, _ends) = (workspace.X, workspace.Y, workspace.V, workspace.G, workspace.B, workspace.Count, workspace.Ends);
                (_ecef, _ready, _azimuthRad) = (workspace.Ecef, workspace.Ready, azimuthRad);
                return Build(azimuthRad, workspace, share);
            }
            finally
            {
                (_x, _y, _v, _g, _b, _ecef, _ready, _count, _ends) = ([], [], [], [], [], [], [], [], []);
                (_t, _th, _sp, _ga, _dr, _real) = ([], [], [], [], [], []);
                (_wanted, _wantedBelow) = (null, []);
                FanWorkspace.Return(workspace);
            }
        }

        private (Node[] Grid, int Columns, long Samples) Build(double azimuthRad, FanWorkspace workspace, Action<SharedFlyouts?>? share)
        {
            int m = _elevations.Length;
            Span<double> reachX = m <= 256 ? stackalloc double[m] : new double[m];
            FlyFirstStages(azimuthRad);
            if (_parallelFlyouts)
            {
                var shared = new SharedFlyouts(m, i => Fly(i, azimuthRad));
                share?.Invoke(shared);
                try
                {
                    shared.Run().CopyTo(reachX);
                }
                finally
                {
                    share?.Invoke(null);
                }
            }
            else
            {
                for (int i = 0; i < m; i++)
                {
                    reachX[i] = Fly(i, azimuthRad);
                }
            }

            double maxX = 0;
            long samples = 0;
            for (int i = 0; i < m; i++)
            {
                maxX = Math.Max(maxX, reachX[i]);
                samples += _count[i];
            }

            ContinueDescents();

            int columns = (int)Math.Floor(maxX) + 2;
            int nodes = columns * _rows;
            workspace.EnsureGrid(2 * nodes);
            (_t, _th, _sp, _ga, _dr, _real) = (workspace.T, workspace.Theta, workspace.Speed, workspace.Gamma, workspace.Drift, workspace.Real);

            _t.AsSpan(0, 2 * nodes).Fill(double.PositiveInfinity);
            _real.AsSpan(0, 2 * nodes).Clear();
            MarkWanted(columns);
            for (int i = 0; i + 1 < _elevations.Length; i++)
            {
                Rasterise(i, columns);
            }

            _wanted = null;

            var grid = new Node[nodes];
            for (int n = 0; n < nodes; n++)
            {
                grid[n] = new Node
                {
                    ArrivalS0 = (float)_t[2 * n],
                    ArrivalS1 = (float)_t[2 * n + 1],
                    Theta0 = Quantise(2 * n, _th, _theta),
                    Theta1 = Quantise(2 * n + 1, _th, _theta),
                    Speed0 = QuantiseSpeed(2 * n),
                    Speed1 = QuantiseSpeed(2 * n + 1),
                    Gamma0 = QuantiseGamma(2 * n),
                    Gamma1 = QuantiseGamma(2 * n + 1),
                    Drift0 = QuantiseDrift(2 * n),
                    Drift1 = QuantiseDrift(2 * n + 1),
                };
            }

            return (grid, columns, samples);
        }

        /// <summary>
        /// Flies, once for each run of neighbouring programs whose first stages are the same (the shaped ascent's programs
        /// up to its climb-out elevation pitch over toward that elevation alike: <see cref="StagedRocket.PitchOverElevationRad"/>),
        /// that first stage, so that each of those fly-outs goes on from where it ends (<see cref="FlyoutPrefix"/>): the
        /// same fly-outs bit for bit, without flying the dense air's kinks again (docs/reach-tables.md, "The first stage
        /// flown once").
        /// </summary>
        private void FlyFirstStages(double azimuthRad)
        {
            int m = _elevations.Length;
            if (_prefixes.Length != m)
            {
                _prefixes = new FlyoutPrefix?[m];
            }

            Array.Clear(_prefixes);
            FlyoutRunner? runner = null;
            for (int i = 0; i < m;)
            {
                double kick = _rocket.PitchOverElevationRad(_elevations[i]);
                int j = i + 1;
                while (j < m && _rocket.PitchOverElevationRad(_elevations[j]) == kick)
                {
                    j++;
                }

                if (j - i > 1)
                {
                    runner ??= TakeRunner();
                    FlightPlan plan = _rocket.Plan(_env, _site, 0, azimuthRad, new ShapeControls(1, _elevations[i]), out int phases);
                    FlyoutPrefix? prefix = phases > 0 ? runner.RunPrefix(plan, phases) : null;
                    _prefixes.AsSpan(i, j - i).Fill(prefix);
                }

                i = j;
            }

            if (runner is not null)
            {
                _runners.Add(runner);
            }
        }

        private FlyoutRunner TakeRunner() =>
            _runners.TryTake(out FlyoutRunner? runner) ? runner : new FlyoutRunner(_env, _options.Integrator, _endM, _options.TimeStepS, _options.MaxFlightTimeS);

        /// <summary>Flies fly-out i of the fan at <paramref name="azimuthRad"/> into its slots; returns the largest x it records.</summary>
        private double Fly(int i, double azimuthRad)
        {
            FlyoutRunner runner = TakeRunner();
            FlightPlan plan = _rocket.Plan(_env, _site, 0, azimuthRad, new ShapeControls(1, _elevations[i]), out int phases);
            FlyoutPrefix? prefix = _prefixes[i];
            _ends[i] = runner.Run(plan, prefix is not null && prefix.Phases == phases ? prefix : null);
            double x = Record(i, runner);
            _runners.Add(runner);
            return x;
        }

        private ushort Quantise(int k, double[] th, ThetaCode code) => double.IsFinite(_t[k]) ? (ushort)code.Encode(th[k]) : (ushort)0;

        private ushort QuantiseSpeed(int k) =>
            double.IsFinite(_t[k]) ? (ushort)Math.Round(Math.Clamp(_sp[k] / SpeedQuantumMPerS, 0, 65535)) : (ushort)0;

        private ushort QuantiseGamma(int k) =>
            double.IsFinite(_t[k]) ? (ushort)Math.Round(Math.Clamp((_ga[k] + Math.PI / 2) / GammaQuantumRad, 0, 65535)) : (ushort)0;

        private ushort QuantiseDrift(int k) =>
            double.IsFinite(_t[k]) ? (ushort)((int)Math.Round((Angle.WrapPiFast(_dr[k]) + Math.PI) / DriftQuantumRad) & 0xFFFF) : (ushort)0;

        /// <summary>
        /// Converts fly-out i's samples; returns the largest x of a sample within a cell of the altitude band. Each sample's
        /// height (y) is computed at once; its range, speed, angle and bearing (<see cref="Complete"/>) only for a sample
        /// within a cell of the band and, later, for the corners of a quad that reaches the band: well over half of a
        /// fast fly-out's samples lie above the band or below it, and the geodesic and frames of a sample are most of its cost.
        /// </summary>
        private double Record(int i, FlyoutRunner runner)
        {
            ReadOnlySpan<double> s = runner.Samples;
            int n = Math.Min(runner.SampleCount, _maxSamples);
            int dim = FlightState.Dimension;
            double w = _env.Planet.RotationRateRadPerS;
            double invH = 1 / _altitudeCell;
            double maxX = 0;
            int o = i * _maxSamples;
            for (int j = 0; j < n; j++)
            {
                ReadOnlySpan<double> y = s.Slice(j * dim, dim);
                Vec3 rEci = Vec3.From(y, 0), vEci = Vec3.From(y, 3);
                EarthRotation.Turn turn = _turns[j];
                Vec3 rEcef = turn.EciToEcef(rEci);
                Vec3 vEcef = EarthRotation.EcefVelocity(rEci, vEci, turn, w);
                int k = o + j;
                Span<double> ecef = _ecef.AsSpan(6 * k, 6);
                (ecef[0], ecef[1], ecef[2], ecef[3], ecef[4], ecef[5]) = (rEcef.X, rEcef.Y, rEcef.Z, vEcef.X, vEcef.Y, vEcef.Z);
                _ready[k] = false;
                double yy = (_env.Planet.Shape.HeightOf(rEcef) - _minAlt) * invH;
                _y[k] = yy;
                if (yy >= -1 && yy <= _rows)
                {
                    Complete(k);
                    if (_x[k] > maxX)
                    {
                        maxX = _x[k];
                    }
                }
            }

            _count[i] = n;
            return maxX + EdgeMarginCells;
        }

        /// <summary>Sample k's range (x), speed, flight-path angle and bearing offset, from its ECEF state, unless done already.</summary>
        private void Complete(int k)
        {
            if (_ready[k])
            {
                return;
            }

            ReadOnlySpan<double> ecef = _ecef.AsSpan(6 * k, 6);
            var rEcef = new Vec3(ecef[0], ecef[1], ecef[2]);
            var vEcef = new Vec3(ecef[3], ecef[4], ecef[5]);
            // The local axes from the closed form's numbers and the position's x and y, not from sines and cosines of
            // the latitude and longitude just found by arctangents (the same axes to rounding: docs/performance.md,
            // "The flight context's trigonometry").
            double h = _env.Planet.Shape.HeightOf(rEcef, out double sinNum, out double cosNum);
            Geodetic g = Ellipsoid.GeodeticOf(rEcef, h, sinNum, cosNum);
            Vec3 vNed = Ellipsoid.SinCosOf(rEcef, sinNum, cosNum, out double sinLat, out double cosLat, out double sinLon, out double cosLon)
                ? LocalFrame.EcefToNed(vEcef, sinLat, cosLat, sinLon, cosLon)
                : LocalFrame.EcefToNed(vEcef, g.LatitudeRad, g.LongitudeRad);
            double horizontal = Math.Sqrt(vNed.X * vNed.X + vNed.Y * vNed.Y);
            (double bearing, double range) = _geodesic.To(g.LatitudeRad, g.LongitudeRad);
            _x[k] = range * (1 / _rangeCell);
            _v[k] = vNed.Norm;
            _g[k] = Math.Atan2(-vNed.Z, horizontal);
            _b[k] = range > 0 ? Angle.WrapPiFast(bearing - _azimuthRad) : 0;
            _ready[k] = true;
        }

        /// <summary>
        /// A fly-out that came down through the end altitude (or hit the ground) before a neighbour of the fan ended is
        /// continued, for as long as that neighbour flies, along the straight line of its last sampling step (its speed,
        /// angle and drift held). Without it, where neighbouring fly-outs come down far apart (flat, fast fly-outs far
        /// out), nodes just above the floor that the neighbour passes were covered by no quad, and the table gave them a
        /// later sheet's arrival or none (docs/reach-tables.md, "Continued descents"). The continued path lies below the end
        /// altitude, where the grid has no nodes: it only closes the quads whose nodes lie between it and the neighbour's
        /// real descent, interpolated as any quad is.
        /// </summary>
        private void ContinueDescents()
        {
            int m = _elevations.Length;
            Span<int> flown = m <= 256 ? stackalloc int[m] : new int[m];
            _count.AsSpan(0, m).CopyTo(flown);
            for (int i = 0; i < m; i++)
            {
                if (_ends[i] is not (FlyoutEnd.Floor or FlyoutEnd.Ground) || flown[i] < 2)
                {
                    continue;
                }

                int until = Math.Max(i > 0 ? flown[i - 1] : 0, i + 1 < m ? flown[i + 1] : 0);
                int o = i * _maxSamples, last = o + flown[i] - 1;
                if (until > flown[i])
                {
                    Complete(last - 1);
                    Complete(last);
                }

                double stepX = _x[last] - _x[last - 1], stepY = _y[last] - _y[last - 1];
                for (int j = flown[i]; j < until; j++)
                {
                    int k = o + j, steps = j - flown[i] + 1;
                    _x[k] = _x[last] + steps * stepX;
                    _y[k] = _y[last] + steps * stepY;
                    _v[k] = _v[last];
                    _g[k] = _g[last];
                    _b[k] = _b[last];
                    _ready[k] = true;
                }

                _count[i] = Math.Max(flown[i], until);
            }
        }

        /// <summary>
        /// With cells given, marks the nodes a lookup in them reads (a cell's four corners; its column's neighbours too, for a
        /// lookup exactly on the last column, which reads the cell to its left) and sums them for <see cref="AnyWanted"/>.
        /// </summary>
        private void MarkWanted(int columns)
        {
            if (_cells is null)
            {
                return;
            }

            var wanted = new bool[columns * _rows];
            foreach ((int column, int row) in _cells)
            {
                for (int r = row; r <= row + 1 && r < _rows; r++)
                {
                    for (int c = Math.Max(0, column - 1); c <= column + 1 && c < columns; c++)
                    {
                        wanted[r * columns + c] = true;
                    }
                }
            }

            int w = columns + 1;
            var below = new int[w * (_rows + 1)];
            for (int r = 0; r < _rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    below[(r + 1) * w + c + 1] = (wanted[r * columns + c] ? 1 : 0) + below[r * w + c + 1] + below[(r + 1) * w + c] - below[r * w + c];
                }
            }

            (_wanted, _wantedBelow) = (wanted, below);
        }

        /// <summary>Whether a wanted node lies in columns c0–c1 and rows r0–r1 (inclusive).</summary>
        private bool AnyWanted(int c0, int c1, int r0, int r1, int columns)
        {
            int w = columns + 1;
            return _wantedBelow[(r1 + 1) * w + c1 + 1] - _wantedBelow[r0 * w + c1 + 1] - _wantedBelow[(r1 + 1) * w + c0] + _wantedBelow[r0 * w + c0] > 0;
        }

        /// <summary>
        /// Inverts the quads between fly-outs i and i + 1 onto the grid nodes they cover, keeping per node and sheet the
        /// earliest time. The quads of the first and last gaps of the fan are continued past the edge fly-out (by up to
        /// <see cref="EdgeMarginCells"/> cells), marked by an elevation outside the guidance range.
        /// </summary>
        private void Rasterise(int i, int columns)
        {
            int n = Math.Min(_count[i], _count[i + 1]);
            int a0 = i * _maxSamples, b0 = (i + 1) * _maxSamples;
            double dt = _options.TimeStepS;
            double th0 = _elevations[i], dth = _elevations[i + 1] - _elevations[i];
            bool firstGap = i == 0, lastGap = i + 2 == _elevations.Length;
            for (int j = 0; j + 1 < n; j++)
            {
                // Corners: a = (θi, tj), b = (θi+1, tj), c = (θi+1, tj+1), d = (θi, tj+1); P(u, v) = a + u·e + v·f + u·v·g.
                int ia = a0 + j, ib = b0 + j, ic = b0 + j + 1, id = a0 + j + 1;
                bool edge = firstGap || lastGap;
                if (edge)
                {
                    CompleteCorners(ia, ib, ic, id); // an edge quad's continuation depends on its x too
                }

                double ay = _y[ia], by = _y[ib], cy = _y[ic], dy = _y[id];
                double ey = by - ay, fy = dy - ay, gy = ay - by + cy - dy;
                if (!edge)
                {
                    // The quad's y range alone decides whether it reaches the band (uLo = 0, uHi = 1, as below).
                    double qMin = Math.Min(Math.Min(ay, ay + ey), Math.Min(dy, dy + (cy - dy)));
                    double qMax = Math.Max(Math.Max(ay, ay + ey), Math.Max(dy, dy + (cy - dy)));
                    if (qMax < 0 || qMin > _rows - 1)
                    {
                        continue;
                    }

                    CompleteCorners(ia, ib, ic, id);
                }

                double ax = _x[ia], bx = _x[ib], cx = _x[ic], dx = _x[id];
                double ex = bx - ax, fx = dx - ax, gx = ax - bx + cx - dx;

                // The u range: the quad itself, continued past an edge fly-out far enough to cover the margin.
                double uLo = 0, uHi = 1;
                if (edge)
                {
                    // The spacing of the two fly-outs across the path (in cells), from the quad's area over its length.
                    double length = Math.Sqrt(fx * fx + fy * fy) + Math.Sqrt((cx - bx) * (cx - bx) + (cy - by) * (cy - by));
                    double across = Math.Abs(ex * fy - ey * fx + (cx - dx) * (cy - by) - (cy - dy) * (cx - bx)) / Math.Max(length, 1e-12);
                    double extra = Math.Min(MaxContinuation, EdgeMarginCells / Math.Max(across, 1e-12));
                    uLo = firstGap ? -extra : 0;
                    uHi = lastGap ? 1 + extra : 1;
                }

                // Bounding box of the (continued) quad: its corners at u = uLo and u = uHi, v = 0 and 1.
                double p0x = ax + uLo * ex, p0y = ay + uLo * ey, p1x = ax + uHi * ex, p1y = ay + uHi * ey;
                double p2x = dx + uLo * (cx - dx), p2y = dy + uLo * (cy - dy), p3x = dx + uHi * (cx - dx), p3y = dy + uHi * (cy - dy);
                double yMin = Math.Min(Math.Min(p0y, p1y), Math.Min(p2y, p3y)), yMax = Math.Max(Math.Max(p0y, p1y), Math.Max(p2y, p3y));
                if (yMax < 0 || yMin > _rows - 1)
                {
                    continue;
                }

                double xMin = Math.Min(Math.Min(p0x, p1x), Math.Min(p2x, p3x)), xMax = Math.Max(Math.Max(p0x, p1x), Math.Max(p2x, p3x));
                int c0 = Math.Max(0, (int)Math.Ceiling(xMin)), c1 = Math.Min(columns - 1, (int)Math.Floor(xMax));
                int r0 = Math.Max(0, (int)Math.Ceiling(yMin)), r1 = Math.Min(_rows - 1, (int)Math.Floor(yMax));
                if (c0 > c1 || r0 > r1 || (_wanted is not null && !AnyWanted(c0, c1, r0, r1, columns)))
                {
                    continue;
                }

                bool[]? wanted = _wanted;
                double k2 = gx * fy - gy * fx;
                double k1Base = ex * fy - ey * fx;
                for (int r = r0; r <= r1; r++)
                {
                    for (int c = c0; c <= c1; c++)
                    {
                        int node = r * columns + c;
                        if (wanted is not null && !wanted[node])
                        {
                            continue;
                        }

                        double hx = c - ax, hy = r - ay;
                        double k1 = k1Base + (hx * gy - hy * gx);
                        double k0 = hx * ey - hy * ex;
                        double disc = k1 * k1 - 4 * k2 * k0;
                        if (disc < 0)
                        {
                            continue;
                        }

                        double q = -0.5 * (k1 + (k1 >= 0 ? Math.Sqrt(disc) : -Math.Sqrt(disc)));
                        if (q == 0)
                        {
                            continue;
                        }

                        Consider(node, k0 / q, hx, hy, ex, ey, fx, fy, gx, gy, uLo, uHi, j, dt, th0, dth, ia, ib, ic, id);
                        if (k2 != 0)
                        {
                            Consider(node, q / k2, hx, hy, ex, ey, fx, fy, gx, gy, uLo, uHi, j, dt, th0, dth, ia, ib, ic, id);
                        }
                    }
                }
            }
        }

        private void CompleteCorners(int ia, int ib, int ic, int id)
        {
            Complete(ia);
            Complete(ib);
            Complete(ic);
            Complete(id);
        }

        /// <summary>One root v of the quad's inverse at a node: if (u, v) lies in the (continued) quad, offers it to the node's sheet.</summary>
        private void Consider(int node, double v, double hx, double hy, double ex, double ey, double fx, double fy, double gx, double gy,
            double uLo, double uHi, int j, double dt, double th0, double dth, int ia, int ib, int ic, int id)
        {
            const double Eps = 1e-9;
            if (!(v >= -Eps && v <= 1 + Eps))
            {
                return;
            }

            double denX = ex + gx * v, denY = ey + gy * v;
            double u = Math.Abs(denX) >= Math.Abs(denY) ? (hx - fx * v) / denX : (hy - fy * v) / denY;
            if (!(u >= uLo - Eps && u <= uHi + Eps))
            {
                return;
            }

            v = Math.Clamp(v, 0, 1);
            bool real = u >= -Eps && u <= 1 + Eps;
            if (real)
            {
                u = Math.Clamp(u, 0, 1);
            }

            // The sheet: the sign of the Jacobian ∂(x, y)/∂(u, v). Climbing, a steeper fly-out is nearer and higher at the
            // same time and time carries it outward and up, so the direct sheet has a negative Jacobian.
            double jac = (ex + gx * v) * (fy + gy * u) - (ey + gy * v) * (fx + gx * u);
            int k = 2 * node + (jac < 0 ? 0 : 1);
            double t = (j + v) * dt;
            if (_real[k] && !real || (_real[k] == real && !(t < _t[k])))
            {
                return;
            }

            double w00 = (1 - u) * (1 - v), w10 = u * (1 - v), w11 = u * v, w01 = (1 - u) * v;
            _real[k] = real;
            _t[k] = t;
            _th[k] = th0 + u * dth;
            _sp[k] = w00 * _v[ia] + w10 * _v[ib] + w11 * _v[ic] + w01 * _v[id];
            _ga[k] = w00 * _g[ia] + w10 * _g[ib] + w11 * _g[ic] + w01 * _g[id];
            double ba = _b[ia];
            _dr[k] = ba + w10 * Angle.WrapPiFast(_b[ib] - ba) + w11 * Angle.WrapPiFast(_b[ic] - ba)
                + w01 * Angle.WrapPiFast(_b[id] - ba);
        }
    }
}
