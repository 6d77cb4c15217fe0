namespace Bulwark.Output;

/// <summary>
/// How every result Bulwark writes rounds its numbers: one precision per kind of quantity, the same in every output
/// (the CLI's JSON, the viewer's summary, summary.json, footprint.json). Each is a count of decimals in the unit the key
/// names, finer than anything the models can claim and coarse enough that outputs diff cleanly across machines.
/// </summary>
public static class Rounding
{
    /// <summary>Times, s: 0.01 s.</summary>
    public const int TimeDecimals = 2;

    /// <summary>Latitudes and longitudes, degrees: 1e-5° (about 1 m).</summary>
    public const int LatLonDecimals = 5;

    /// <summary>Directions (azimuth, elevation, flight-path and crossing angles), degrees: 1e-4°.</summary>
    public const int AngleDecimals = 4;

    /// <summary>Distances and altitudes in km: 1e-3 km (1 m).</summary>
    public const int KmDecimals = 3;

    /// <summary>Short distances in m (a targeting miss): 0.1 m.</summary>
    public const int MetreDecimals = 1;

    /// <summary>Speeds in km/s: 1e-3 km/s (1 m/s).</summary>
    public const int SpeedDecimals = 3;

    /// <summary>Kill probabilities of the engagement model: 1e-4.</summary>
    public const int ProbabilityDecimals = 4;

    /// <summary>Monte Carlo estimates (means and fractions over trials) and other unitless fractions: 1e-6.</summary>
    public const int EstimateDecimals = 6;

    /// <summary>Percentages: 0.01 %.</summary>
    public const int PercentDecimals = 2;

    /// <summary>A time in seconds.</summary>
    public static double Time(double s) => Math.Round(s, TimeDecimals);

    /// <summary>A latitude or longitude in degrees.</summary>
    public static double LatLon(double deg) => Math.Round(deg, LatLonDecimals);

    /// <summary>An angle in radians, written in degrees.</summary>
    public static double AngleDeg(double rad) => Math.Round(rad * 180 / Math.PI, AngleDecimals);

    /// <summary>A length in metres, written in km.</summary>
    public static double Km(double m) => Math.Round(m / 1000, KmDecimals);

    /// <summary>A length in metres, written in metres.</summary>
    public static double Metres(double m) => Math.Round(m, MetreDecimals);

    /// <summary>A speed in m/s, written in km/s.</summary>
    public static double KmPerS(double mPerS) => Math.Round(mPerS / 1000, SpeedDecimals);

    /// <summary>A kill probability.</summary>
    public static double Probability(double p) => Math.Round(p, ProbabilityDecimals);

    /// <summary>A Monte Carlo mean or fraction, or another unitless fraction.</summary>
    public static double Estimate(double x) => Math.Round(x, EstimateDecimals);

    /// <summary>A percentage.</summary>
    public static double Percent(double pct) => Math.Round(pct, PercentDecimals);

    /// <summary>An area in km² or a head count: a whole number.</summary>
    public static double Whole(double x) => Math.Round(x, 0);
}
