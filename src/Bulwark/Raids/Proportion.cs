namespace Bulwark.Raids;

/// <summary>Confidence intervals for the statistics a raid reports.</summary>
public static class Proportion
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval (Wilson 1927) for a proportion of <paramref name="successes"/> in <paramref name="n"/>
    /// trials: (p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Unlike the normal interval it stays inside [0, 1]
    /// and keeps its coverage when p̂ is 0 or 1.
    /// </summary>
    public static (double Low, double High) Wilson(long successes, long n, double z = Z95)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        double p = (double)successes / n, z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Mean, sample variance and the normal 95% interval of the mean of per-trial values (paired differences).</summary>
    public static (double Mean, double Variance, double Low, double High) Mean(IReadOnlyList<double> values, double z = Z95)
    {
        int n = values.Count;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= n;
        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        double variance = n > 1 ? ss / (n - 1) : 0;
        double half = z * Math.Sqrt(variance / n);
        return (mean, variance, mean - half, mean + half);
    }
}
