namespace Bulwark.Sensing;

/// <summary>
/// Line of sight over a spherical Earth with refraction modelled as an effective Earth radius k·R (Skolnik, "Introduction
/// to Radar Systems", §12.2; REFERENCES.md §2.3): k = 4/3 for standard refraction, k = 1 for the geometric bound.
/// </summary>
public static class RadarHorizon
{
    /// <summary>Mean Earth radius for the refraction model, m (REFERENCES.md §2: R = 6,371.0 km).</summary>
    public const double MeanEarthRadiusM = 6371.0e3;

    /// <summary>The standard-refraction factor k = 4/3.</summary>
    public const double StandardRefraction = 4.0 / 3.0;

    /// <summary>
    /// Ground distance (m, along a sphere of radius R) from a radar at height <paramref name="radarHeightM"/> to the point
    /// under a target at height <paramref name="targetHeightM"/> that it sees on the horizon (a 0° ray):
    /// d = kR·[acos(kR/(kR+h_r)) + acos(kR/(kR+h_t))].
    /// </summary>
    public static double HorizonDistanceM(double radarHeightM, double targetHeightM, double k = StandardRefraction)
    {
        double kr = k * MeanEarthRadiusM;
        return kr * (Math.Acos(kr / (kr + Math.Max(0, radarHeightM))) + Math.Acos(kr / (kr + Math.Max(0, targetHeightM))));
    }

    /// <summary>How far below the local level the horizon lies from a radar at <paramref name="radarHeightM"/>: acos(kR/(kR+h)), rad.</summary>
    public static double HorizonDipRad(double radarHeightM, double k = StandardRefraction)
    {
        double kr = k * MeanEarthRadiusM;
        return Math.Acos(kr / (kr + Math.Max(0, radarHeightM)));
    }

    /// <summary>The lowest target height (m) visible at 0° elevation at ground distance <paramref name="groundDistanceM"/>.</summary>
    public static double MinimumVisibleHeightM(double radarHeightM, double groundDistanceM, double k = StandardRefraction)
    {
        double kr = k * MeanEarthRadiusM;
        double radarAngle = Math.Acos(kr / (kr + Math.Max(0, radarHeightM)));
        double remaining = groundDistanceM / kr - radarAngle;
        return remaining <= 0 ? 0 : kr / Math.Cos(remaining) - kr;
    }

    /// <summary>
    /// The elevation (rad) at which a radar at height <paramref name="radarHeightM"/> sees a target at height
    /// <paramref name="targetHeightM"/> a central angle <paramref name="centralAngleRad"/> away, in the effective-Earth
    /// geometry (heights kept, angles at the centre divided by k).
    /// </summary>
    public static double EffectiveElevationRad(double radarHeightM, double targetHeightM, double centralAngleRad, double k = StandardRefraction)
    {
        double kr = k * MeanEarthRadiusM;
        double theta = centralAngleRad / k;
        double r1 = kr + radarHeightM;
        double r2 = kr + targetHeightM;
        return Math.Atan2(r2 * Math.Cos(theta) - r1, r2 * Math.Sin(theta));
    }

    /// <summary>Detection range against <paramref name="rcsM2"/> for a radar that detects <paramref name="referenceRcsM2"/> at <paramref name="referenceRangeM"/>: R ∝ σ^¼ (REFERENCES.md §2.4).</summary>
    public static double ScaledRangeM(double referenceRangeM, double referenceRcsM2, double rcsM2) =>
        referenceRangeM * Math.Pow(rcsM2 / referenceRcsM2, 0.25);
}
