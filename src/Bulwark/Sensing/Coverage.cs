using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Sensing;

/// <summary>
/// A radar's coverage at an altitude: the ground area over which a target at that altitude is in its field of regard,
/// line of sight and range (for the radar's reference RCS unless said), as a ring of points.
/// </summary>
public static class Coverage
{
    /// <summary>
    /// The ring (longitude, latitude in degrees) bounding the coverage at <paramref name="altitudeM"/>: for each azimuth
    /// step in the sector, the farthest ground distance at which the target is detected (bisection to 1 km).
    /// </summary>
    public static IReadOnlyList<(double LonDeg, double LatDeg)> Ring(DeployedRadar radar, double altitudeM, double? rcsM2 = null, double azimuthStepDeg = 1)
    {
        double rcs = rcsM2 ?? radar.Spec.ReferenceRcsM2;
        var ring = new List<(double, double)>();
        double half = radar.FullCircle ? Math.PI : radar.Spec.AzimuthHalfWidthRad;
        int steps = Math.Max(2, (int)Math.Ceiling(2 * half / Angle.DegToRad(azimuthStepDeg)));
        if (!radar.FullCircle)
        {
            ring.Add((radar.Site.LongitudeDeg, radar.Site.LatitudeDeg));
        }

        for (int i = 0; i <= steps; i++)
        {
            if (radar.FullCircle && i == steps)
            {
                break;
            }

            double az = radar.BoresightAzimuthRad - half + 2 * half * i / steps;
            double d = FarthestDetectedM(radar, az, altitudeM, rcs);
            Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, az, Math.Max(d, 1));
            ring.Add((g.LongitudeDeg, g.LatitudeDeg));
        }

        ring.Add(ring[0]);
        return ring;
    }

    private static double FarthestDetectedM(DeployedRadar radar, double azimuthRad, double altitudeM, double rcsM2)
    {
        bool Detected(double d)
        {
            Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, azimuthRad, d);
            var point = Ellipsoid.Wgs84.ToEcef(g with { HeightM = altitudeM });
            return radar.Look(point, altitudeM, rcsM2).Detected;
        }

        double hi = Math.Min(radar.DetectionRangeM(rcsM2) + 1, 19_000_000);
        double lo = 1;
        if (!Detected(lo))
        {
            return 0;
        }

        while (hi - lo > 1000)
        {
            double mid = 0.5 * (lo + hi);
            if (Detected(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
