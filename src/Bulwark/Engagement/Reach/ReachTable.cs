using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

/// <summary>
/// The earliest time an interceptor launched from one site can be at any point of its reach, precomputed: for each
/// azimuth bin, a fan of full-energy fly-outs over the guidance's elevation range is flown on the rotating Earth and
/// inverted into a grid over (ground range, altitude) holding, for each of the fan's two sheets (the direct climb and
/// the lob that comes down), the earliest arrival time, the elevation of the fly-out that arrives then, and its speed
/// and flight-path angle there. A lookup interpolates within a grid cell and between the two nearest azimuth bins: O(1),
/// no allocation. docs/reach-tables.md describes the method and its measured error.
/// </summary>
/// <remarks>
/// Times are after launch. The Earth's rotation is uniform and its gravity and air are axially symmetric, so a fly-out
/// relative to the Earth does not depend on the launch time: one table serves every launch time.
/// </remarks>
public sealed partial class ReachTable
{
    /// <summary>Speed quantum of the stored arrival speeds, m/s (speeds up to 16 km/s).</summary>
    public const double SpeedQuantumMPerS = 0.25;

    private const double GammaQuantumRad = Math.PI / 65535;

    private const double DriftQuantumRad = 2 * Math.PI / 65536;

    private readonly FanSpec _fan;
    private readonly StoredBins? _stored;
    private readonly Node[]?[] _bins;
    private readonly int[] _binColumns;
    private readonly long[] _binSamples;
    private readonly object[] _binLocks;
    private readonly SharedFlyouts?[] _sharing; // per bin: the fly-outs of a bin being built, for the threads that wait for it to help fly
    private readonly int _rows;
    private readonly double _invRangeCell;
    private readonly double _invAltitudeCell;
    private readonly double _binsPerRad;
    private readonly double _thetaLo, _thetaQuantum, _thetaMinQ, _thetaMaxQ;
    private readonly SiteGeodesic _geodesic;
    private readonly Ellipsoid _shape;

    private ReachTable(FanSpec fan, double maxAltitudeM, StoredBins? stored)
    {
        _fan = fan;
        _stored = stored;
        RangeCellM = fan.RangeCellM;
        AltitudeCellM = fan.AltitudeCellM;
        Interceptor = fan.Interceptor;
        Site = fan.Site;
        Options = fan.Options;
        ElevationsRad = fan.Elevations;
        MinAltitudeM = fan.MinAltitudeM;
        MaxAltitudeM = maxAltitudeM;
        _rows = fan.Rows;
        int bins = fan.Options.AzimuthBins;
        _bins = new Node[]?[bins];
        _binColumns = new int[bins];
        _binSamples = new long[bins];
        _binLocks = [.. Enumerable.Range(0, bins).Select(_ => new object())];
        _sharing = new SharedFlyouts?[bins];
        _invRangeCell = 1 / RangeCellM;
        _invAltitudeCell = 1 / AltitudeCellM;
        _binsPerRad = bins / (2 * Math.PI);
        _thetaLo = fan.Theta.LoRad;
        _thetaQuantum = fan.Theta.QuantumRad;
        // The guidance range in quanta, with a quarter-quantum of slack for rounding.
        _thetaMinQ = fan.Theta.Encode(fan.Elevations[0]) - 0.25;
        _thetaMaxQ = fan.Theta.Encode(fan.Elevations[^1]) + 0.25;
        _shape = fan.Options.Environment.Planet.Shape;
        _geodesic = new SiteGeodesic(_shape, fan.Site);
    }

    /// <summary>The interceptor.</summary>
    public Interceptor Interceptor { get; }

    /// <summary>The launch site.</summary>
    public Geodetic Site { get; }

    /// <summary>How the table was built.</summary>
    public ReachTableOptions Options { get; }

    /// <summary>The elevation fan (thrust elevation at the end of the pitch-over), rad.</summary>
    public IReadOnlyList<double> ElevationsRad { get; }

    /// <summary>Grid spacing in ground range, m.</summary>
    public double RangeCellM { get; }

    /// <summary>Grid spacing in altitude, m.</summary>
    public double AltitudeCellM { get; }

    /// <summary>The grid's lowest altitude, m: lower points are out of reach.</summary>
    public double MinAltitudeM { get; }

    /// <summary>The grid's highest altitude, m: higher points are out of reach.</summary>
    public double MaxAltitudeM { get; }

    /// <summary>Grid rows (altitudes).</summary>
    public int Rows => _rows;

    /// <summary>Azimuth bins built so far (all of them for a table from <see cref="Build"/>).</summary>
    public int BinsBuilt => _bins.Count(b => Volatile.Read(ref b) is not null);

    /// <summary>Fly-outs flown to build the bins built so far.</summary>
    public int FlyoutCount => BinsBuilt * ElevationsRad.Count;

    /// <summary>Fly-out samples inverted into the grid (every bin; builds those not built yet).</summary>
    public long SampleCount
    {
        get
        {
            BuildAll();
            return _binSamples.Sum();
        }
    }

    /// <summary>Grid nodes, all bins together (builds those not built yet).</summary>
    public int NodeCount
    {
        get
        {
            BuildAll();
            return _bins.Sum(b => b!.Length);
        }
    }

    /// <summary>Bytes held by the grid.</summary>
    public long GridBytes => (long)NodeCount * Unsafe.SizeOf<Node>();

    /// <summary>The azimuth of bin <paramref name="bin"/>, rad clockwise from north.</summary>
    public double BinAzimuthRad(int bin) => bin * 2 * Math.PI / Options.AzimuthBins;

    /// <summary>Grid columns (ground ranges) of bin <paramref name="bin"/>: its nodes reach (columns − 1) × the range cell.</summary>
    public int Columns(int bin)
    {
        Grid(bin);
        return _binColumns[bin];
    }

    /// <summary>The farthest ground range of any node, m (builds every bin).</summary>
    public double MaxRangeM
    {
        get
        {
            BuildAll();
            return (_binColumns.Max() - 1) * RangeCellM;
        }
    }

    /// <summary>
    /// The earliest arrival stored at the node (bin, column, row): ground range column × range cell, altitude
    /// <see cref="MinAltitudeM"/> + row × altitude cell, azimuth <see cref="BinAzimuthRad"/>; unreachable when neither sheet
    /// reaches it by a fly-out inside the guidance range.
    /// </summary>
    public ReachPoint NodeAt(int bin, int column, int row)
    {
        Node n = Grid(bin)[row * _binColumns[bin] + column];
        bool real0 = float.IsFinite(n.ArrivalS0) && n.Theta0 >= _thetaMinQ && n.Theta0 <= _thetaMaxQ;
        bool real1 = float.IsFinite(n.ArrivalS1) && n.Theta1 >= _thetaMinQ && n.Theta1 <= _thetaMaxQ;
        if (real0 && (!real1 || n.ArrivalS0 <= n.ArrivalS1))
        {
            return new ReachPoint(n.ArrivalS0, n.Speed0 * SpeedQuantumMPerS, n.Gamma0 * GammaQuantumRad - Math.PI / 2) { ElevationRad = DecodeTheta(n.Theta0) };
        }

        return real1
            ? new ReachPoint(n.ArrivalS1, n.Speed1 * SpeedQuantumMPerS, n.Gamma1 * GammaQuantumRad - Math.PI / 2) { ElevationRad = DecodeTheta(n.Theta1) }
            : ReachPoint.Unreachable;
    }

    /// <summary>The raw grid of one bin (row by row), for tests.</summary>
    internal ReadOnlySpan<Node> BinNodes(int bin) => Grid(bin);

    /// <summary>Whether bin <paramref name="bin"/> is built (tests).</summary>
    internal bool IsBuilt(int bin) => Volatile.Read(ref _bins[bin]) is not null;

    /// <summary>Bin <paramref name="bin"/>'s grid, built on first use. Its columns may be read once this has returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node[] Grid(int bin) => Volatile.Read(ref _bins[bin]) ?? BuildBin(bin);

    /// <summary>
    /// The earliest arrival at a point given by its geodesic azimuth (rad clockwise from north) and ground range (m) from
    /// the site and its altitude above the ellipsoid (m). For each sheet of the fan: bilinear within the cell when its
    /// four nodes hold that sheet, linear between the two nearest azimuth bins, and kept only if the interpolated
    /// elevation of the fly-out lies in the guidance range; the earlier sheet wins. Out of reach (arrival +∞) when no
    /// sheet qualifies or the point is outside the grid. O(1), allocation-free.
    /// </summary>
    public ReachPoint Earliest(double azimuthRad, double groundRangeM, double altitudeM)
    {
        double x = groundRangeM * _invRangeCell;
        double y = (altitudeM - MinAltitudeM) * _invAltitudeCell;
        if (!(x >= 0) || !(y >= 0) || !(y <= _rows - 1) || !double.IsFinite(azimuthRad))
        {
            return ReachPoint.Unreachable;
        }

        // The bins hold fly-outs by launch azimuth; Coriolis carries them off it by the drift δ. A first look at the
        // point's bearing gives each sheet's δ there; the second looks at the launch azimuth bearing − δ.
        Drifts(azimuthRad, x, y, out double drift0, out double drift1);
        Sheet best = default;
        best.ArrivalS = double.PositiveInfinity;
        double launchAzimuth = double.NaN;
        if (!double.IsNaN(drift0) && Blend(azimuthRad - drift0, x, y, 0, out Sheet direct) && InGuidanceRange(direct))
        {
            best = direct;
            launchAzimuth = azimuthRad - drift0;
        }

        if (!double.IsNaN(drift1) && Blend(azimuthRad - drift1, x, y, 1, out Sheet lob) && InGuidanceRange(lob) && lob.ArrivalS < best.ArrivalS)
        {
            best = lob;
            launchAzimuth = azimuthRad - drift1;
        }

        return double.IsFinite(best.ArrivalS)
            ? new ReachPoint(best.ArrivalS, best.SpeedQ * SpeedQuantumMPerS, best.GammaQ * GammaQuantumRad - Math.PI / 2)
            {
                ElevationRad = DecodeTheta(best.ThetaQ),
                LaunchAzimuthRad = Angle.WrapTwoPi(launchAzimuth),
            }
            : ReachPoint.Unreachable;
    }

    /// <summary>The earliest arrival at a geodetic point (its height is the altitude): azimuth and range from <see cref="SiteGeodesic"/>.</summary>
    public ReachPoint Earliest(Geodetic point)
    {
        (double az, double range) = _geodesic.To(point.LatitudeRad, point.LongitudeRad);
        return Earliest(az, range, point.HeightM);
    }

    /// <summary>The earliest arrival at an Earth-fixed point (ECEF, m).</summary>
    public ReachPoint Earliest(Vec3 pointEcefM) => Earliest(_shape.ToGeodetic(pointEcefM));

    /// <summary>Geodesic azimuth (rad) and ground range (m) from the site to a point, as the lookups compute them.</summary>
    public (double AzimuthRad, double GroundRangeM) AzimuthAndRange(Geodetic point) => _geodesic.To(point.LatitudeRad, point.LongitudeRad);

    /// <summary>The elevation (rad) of the fly-out that a node's sheet value comes from, for tests.</summary>
    internal double DecodeTheta(double quanta) => _thetaLo + quanta * _thetaQuantum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InGuidanceRange(in Sheet v) => v.ThetaQ >= _thetaMinQ && v.ThetaQ <= _thetaMaxQ;

    /// <summary>
    /// Each sheet's drift at azimuth a and grid position (x, y), bilinear in both neighbouring bins and linear between
    /// them; NaN for a sheet that some node of either cell lacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Drifts(double azimuthRad, double x, double y, out double drift0, out double drift1)
    {
        drift0 = drift1 = double.NaN;
        int bins = _binColumns.Length;
        double a = azimuthRad * _binsPerRad;
        a -= Math.Floor(a / bins) * bins;
        int k0 = (int)a;
        if (k0 >= bins)
        {
            k0 = 0;
            a = 0;
        }

        double w = a - k0;
        Node[] g0 = Grid(k0);
        if (!Corner(k0, x, y, out int i0, out double fx0, out double fy0))
        {
            return;
        }

        CellDrifts(g0, i0, _binColumns[k0], fx0, fy0, out double a0, out double a1);
        if (w != 0)
        {
            int k1 = k0 + 1 == bins ? 0 : k0 + 1;
            Node[] g1 = Grid(k1);
            if (!Corner(k1, x, y, out int i1, out double fx1, out double fy1))
            {
                return;
            }

            CellDrifts(g1, i1, _binColumns[k1], fx1, fy1, out double b0, out double b1);
            a0 += w * Angle.WrapPiFast(b0 - a0);
            a1 += w * Angle.WrapPiFast(b1 - a1);
        }

        drift0 = a0;
        drift1 = a1;
    }

    /// <summary>Both sheets' drifts interpolated over one cell; NaN for a sheet that a node lacks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellDrifts(Node[] grid, int index, int columns, double fx, double fy, out double drift0, out double drift1)
    {
        ref Node n00 = ref grid[index];
        ref Node n10 = ref Unsafe.Add(ref n00, 1);
        ref Node n01 = ref Unsafe.Add(ref n00, columns);
        ref Node n11 = ref Unsafe.Add(ref n01, 1);
        double w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
        drift0 = n00.ArrivalS0 < float.PositiveInfinity && n10.ArrivalS0 < float.PositiveInfinity
            && n01.ArrivalS0 < float.PositiveInfinity && n11.ArrivalS0 < float.PositiveInfinity
            ? Drift(n00.Drift0, n10.Drift0, n01.Drift0, n11.Drift0, w10, w01, w11)
            : double.NaN;
        drift1 = n00.ArrivalS1 < float.PositiveInfinity && n10.ArrivalS1 < float.PositiveInfinity
            && n01.ArrivalS1 < float.PositiveInfinity && n11.ArrivalS1 < float.PositiveInfinity
            ? Drift(n00.Drift1, n10.Drift1, n01.Drift1, n11.Drift1, w10, w01, w11)
            : double.NaN;
    }

    /// <summary>Sheet s at launch azimuth a (rad) and grid position (x, y): bilinear in both neighbouring bins, linear between them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Blend(double azimuthRad, double x, double y, int s, out Sheet value)
    {
        int bins = _binColumns.Length;
        double a = azimuthRad * _binsPerRad;
        a -= Math.Floor(a / bins) * bins;
        int k0 = (int)a;
        if (k0 >= bins)
        {
            k0 = 0;
            a = 0;
        }

        double w = a - k0;
        Node[] g0 = Grid(k0);
        if (!Corner(k0, x, y, out int i0, out double fx0, out double fy0) || !Interpolate(g0, i0, _binColumns[k0], fx0, fy0, s, out value))
        {
            value = default;
            return false;
        }

        if (w == 0)
        {
            return true;
        }

        int k1 = k0 + 1 == bins ? 0 : k0 + 1;
        Node[] g1 = Grid(k1);
        if (!Corner(k1, x, y, out int i1, out double fx1, out double fy1) || !Interpolate(g1, i1, _binColumns[k1], fx1, fy1, s, out Sheet v1))
        {
            return false;
        }

        value.ArrivalS += w * (v1.ArrivalS - value.ArrivalS);
        value.ThetaQ += w * (v1.ThetaQ - value.ThetaQ);
        value.SpeedQ += w * (v1.SpeedQ - value.SpeedQ);
        value.GammaQ += w * (v1.GammaQ - value.GammaQ);
        return true;
    }

    /// <summary>The index (within its bin) of the lower-left node of the cell holding (x, y) in bin k (built), and the fractions within it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Corner(int bin, double x, double y, out int index, out double fx, out double fy)
    {
        int columns = _binColumns[bin];
        int c = (int)x;
        int r = (int)y;
        if (c >= columns - 1)
        {
            if (c > columns - 1 || x > c)
            {
                index = 0;
                fx = fy = 0;
                return false;
            }

            c = columns - 2; // exactly on the last column
        }

        if (r >= _rows - 1)
        {
            r = _rows - 2; // exactly on the top row
        }

        fx = x - c;
        fy = y - r;
        index = r * columns + c;
        return true;
    }

    /// <summary>Bilinear interpolation of sheet s over the cell at <paramref name="index"/>; false unless all four nodes hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Interpolate(Node[] grid, int index, int columns, double fx, double fy, int s, out Sheet value)
    {
        ref Node n00 = ref grid[index];
        ref Node n10 = ref Unsafe.Add(ref n00, 1);
        ref Node n01 = ref Unsafe.Add(ref n00, columns);
        ref Node n11 = ref Unsafe.Add(ref n01, 1);
        double w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
        if (s == 0)
        {
            if (!(n00.ArrivalS0 < float.PositiveInfinity && n10.ArrivalS0 < float.PositiveInfinity
                && n01.ArrivalS0 < float.PositiveInfinity && n11.ArrivalS0 < float.PositiveInfinity))
            {
                value = default;
                return false;
            }

            value.ArrivalS = w00 * n00.ArrivalS0 + w10 * n10.ArrivalS0 + w01 * n01.ArrivalS0 + w11 * n11.ArrivalS0;
            value.ThetaQ = w00 * n00.Theta0 + w10 * n10.Theta0 + w01 * n01.Theta0 + w11 * n11.Theta0;
            value.SpeedQ = w00 * n00.Speed0 + w10 * n10.Speed0 + w01 * n01.Speed0 + w11 * n11.Speed0;
            value.GammaQ = w00 * n00.Gamma0 + w10 * n10.Gamma0 + w01 * n01.Gamma0 + w11 * n11.Gamma0;
            return true;
        }

        if (!(n00.ArrivalS1 < float.PositiveInfinity && n10.ArrivalS1 < float.PositiveInfinity
            && n01.ArrivalS1 < float.PositiveInfinity && n11.ArrivalS1 < float.PositiveInfinity))
        {
            value = default;
            return false;
        }

        value.ArrivalS = w00 * n00.ArrivalS1 + w10 * n10.ArrivalS1 + w01 * n01.ArrivalS1 + w11 * n11.ArrivalS1;
        value.ThetaQ = w00 * n00.Theta1 + w10 * n10.Theta1 + w01 * n01.Theta1 + w11 * n11.Theta1;
        value.SpeedQ = w00 * n00.Speed1 + w10 * n10.Speed1 + w01 * n01.Speed1 + w11 * n11.Speed1;
        value.GammaQ = w00 * n00.Gamma1 + w10 * n10.Gamma1 + w01 * n01.Gamma1 + w11 * n11.Gamma1;
        return true;
    }

    /// <summary>Bilinear interpolation of four drifts (quantised angles), unwrapped around the first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Drift(ushort d00, ushort d10, ushort d01, ushort d11, double w10, double w01, double w11)
    {
        // Differences of 16-bit codes taken as signed 16-bit numbers are the differences of the angles, wrapped.
        double q = d00 + w10 * (short)(d10 - d00) + w01 * (short)(d01 - d00) + w11 * (short)(d11 - d00);
        return q * DriftQuantumRad - Math.PI;
    }

    /// <summary>One sheet's interpolated values (elevation, speed and angle still in quanta).</summary>
    private struct Sheet
    {
        public double ArrivalS;
        public double ThetaQ;
        public double SpeedQ;
        public double GammaQ;
    }

    /// <summary>
    /// One grid node, 24 bytes: for sheet 0 (the direct climb) and sheet 1 (the lob), the earliest arrival (+∞ when the
    /// sheet does not cover the node), the elevation of that fly-out (quantised; outside the guidance range for a value
    /// continued past the fan's edge), its speed and flight-path angle there, and its drift: the bearing of its sub-point there minus its launch azimuth (all quantised).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct Node
    {
        public float ArrivalS0;
        public float ArrivalS1;
        public ushort Theta0;
        public ushort Theta1;
        public ushort Speed0;
        public ushort Speed1;
        public ushort Gamma0;
        public ushort Gamma1;
        public ushort Drift0;
        public ushort Drift1;
    }

    /// <summary>The quantisation of elevations: 65,536 steps over the guidance range widened by a margin on each side.</summary>
    internal readonly record struct ThetaCode(double LoRad, double QuantumRad)
    {
        public static ThetaCode For(double minRad, double maxRad, double marginRad) =>
            new(minRad - marginRad, (maxRad - minRad + 2 * marginRad) / 65535);

        public double Encode(double thetaRad) => Math.Round(Math.Clamp((thetaRad - LoRad) / QuantumRad, 0, 65535));
    }
}
