using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Sensing;

/// <summary>What a radar makes of a target at one instant.</summary>
/// <param name="InFieldOfRegard">within the azimuth sector and elevation limits</param>
/// <param name="InLineOfSight">above the (refracted) horizon at the minimum elevation</param>
/// <param name="InRange">within the detection range for the target's RCS</param>
/// <param name="SlantRangeM">straight-line distance, m</param>
public readonly record struct RadarLook(bool InFieldOfRegard, bool InLineOfSight, bool InRange, double SlantRangeM)
{
    /// <summary>In the field of regard and the line of sight (whatever the range).</summary>
    public bool Visible => InFieldOfRegard && InLineOfSight;

    public bool Detected => Visible && InRange;
}

/// <summary>
/// A radar at a site: its type, geodetic position and boresight. Look angles in the site's local east-north-up axes;
/// the horizon by the effective-Earth model with refraction factor <see cref="RefractionK"/>. The minimum elevation is
/// measured from the radar's horizon — the ray that grazes the (effective) Earth, below the local level by
/// acos(kR/(kR+h)) for a raised site — as REFERENCES.md §2.3 and V5 do.
/// </summary>
public sealed class DeployedRadar
{
    private readonly Vec3 _siteEcefM;
    private readonly Vec3 _siteUnit;
    private readonly Vec3 _siteNormal;
    private readonly double _horizonDipRad;
    private readonly (double SinLat, double CosLat, double SinLon, double CosLon) _siteTrig;

    public DeployedRadar(string id, RadarSpec spec, Geodetic site, double? boresightAzimuthRad = null, double refractionK = RadarHorizon.StandardRefraction)
    {
        Id = id;
        Spec = spec;
        Site = site;
        BoresightAzimuthRad = boresightAzimuthRad ?? spec.BoresightAzimuthRad ?? 0;
        RefractionK = refractionK;
        _siteEcefM = Ellipsoid.Wgs84.ToEcef(site);
        _siteUnit = _siteEcefM.Normalized();
        var (sinLat, cosLat) = Math.SinCos(site.LatitudeRad);
        var (sinLon, cosLon) = Math.SinCos(site.LongitudeRad);
        _siteNormal = new Vec3(cosLat * cosLon, cosLat * sinLon, sinLat);
        _siteTrig = (sinLat, cosLat, sinLon, cosLon);
        _horizonDipRad = -RadarHorizon.HorizonDipRad(site.HeightM, refractionK);
    }

    public string Id { get; }

    public RadarSpec Spec { get; }

    public Geodetic Site { get; }

    public double BoresightAzimuthRad { get; }

    public double RefractionK { get; }

    public bool FullCircle => Spec.AzimuthHalfWidthRad >= Math.PI - 1e-12;

    /// <summary>Detection range (m) against a target of radar cross-section <paramref name="rcsM2"/>.</summary>
    public double DetectionRangeM(double rcsM2) => RadarHorizon.ScaledRangeM(Spec.DetectionRangeM, Spec.ReferenceRcsM2, rcsM2);

    /// <summary>Azimuth (rad, clockwise from north) and true elevation (rad) of an Earth-fixed point from the site.</summary>
    public (double AzimuthRad, double ElevationRad, double RangeM) LookAngles(Vec3 targetEcefM)
    {
        Vec3 los = targetEcefM - _siteEcefM;
        Vec3 enu = LocalFrame.EcefToEnu(los, _siteTrig.SinLat, _siteTrig.CosLat, _siteTrig.SinLon, _siteTrig.CosLon);
        double range = los.Norm;
        return (Math.Atan2(enu.X, enu.Y), Math.Asin(Math.Clamp(enu.Z / range, -1, 1)), range);
    }

    /// <summary>
    /// The geodesic bearing (rad) from the site to the point under the target: the sector's edges are map bearings, as
    /// the catalog and REFERENCES.md V5 give them (it differs from the look azimuth by about 1e−5 rad at 1,000 km).
    /// </summary>
    public double BearingRad(Vec3 targetEcefM)
    {
        Geodetic g = Ellipsoid.Wgs84.ToGeodetic(targetEcefM);
        return Geodesic.Inverse(Ellipsoid.Wgs84, Site.LatitudeRad, Site.LongitudeRad, g.LatitudeRad, g.LongitudeRad).InitialAzimuthRad;
    }

    /// <summary>Whether a bearing (rad) lies in the field of regard's sector.</summary>
    public bool InSector(double azimuthRad) =>
        FullCircle || Math.Abs(Angle.WrapPi(azimuthRad - BoresightAzimuthRad)) <= Spec.AzimuthHalfWidthRad + SectorToleranceRad;

    /// <summary>Azimuths this close outside the sector's edge count as inside (rounding, not geometry), rad.</summary>
    public const double SectorToleranceRad = 1e-9;

    /// <summary>
    /// How far the look azimuth (cheap: the line of sight in the site's east-north-up frame) may be from a sector edge
    /// before the geodesic bearing (costly: an inverse geodesic) decides, rad. The two differ by at most 1.3e−3 rad for
    /// targets up to 9,000 km away and 2,000 km up from radars at 0–75° latitude (<c>DeployedRadarTests</c>), so
    /// farther than this from an edge both give the same answer.
    /// </summary>
    public const double BearingMarginRad = 0.01;

    /// <summary>
    /// <see cref="InSector"/> of the geodesic bearing, found from the look azimuth where that is farther than
    /// <see cref="BearingMarginRad"/> from the sector's edges and the target is not nearly overhead (same answer, no
    /// geodesic), else from the bearing itself.
    /// </summary>
    private bool InSectorNear(double lookAzimuthRad, Vec3 targetEcefM)
    {
        double offEdge = Math.Abs(Angle.WrapPi(lookAzimuthRad - BoresightAzimuthRad)) - Spec.AzimuthHalfWidthRad;
        if (Math.Abs(offEdge) > BearingMarginRad && HorizontalDistanceM(targetEcefM) > OverheadM)
        {
            return offEdge < 0;
        }

        return InSector(BearingRad(targetEcefM));
    }

    // Below this horizontal distance from the site the look azimuth is not trusted to stand in for the bearing, m.
    private const double OverheadM = 10_000;

    private double HorizontalDistanceM(Vec3 targetEcefM)
    {
        Vec3 los = targetEcefM - _siteEcefM;
        double up = los.Dot(_siteNormal);
        return Math.Sqrt(Math.Max(0, los.Dot(los) - up * up));
    }

    /// <summary>What the radar makes of a target at an Earth-fixed position and height with a radar cross-section.</summary>
    public RadarLook Look(Vec3 targetEcefM, double targetHeightM, double rcsM2)
    {
        var (az, el, range) = LookAngles(targetEcefM);
        return new RadarLook(InFieldOfRegard(az, el, targetEcefM), InLineOfSight(targetEcefM, targetHeightM), range <= DetectionRangeM(rcsM2), range);
    }

    /// <summary>
    /// Whether the radar detects a target (<see cref="RadarLook.Detected"/>) and, unless <paramref name="visibilityKnown"/>,
    /// whether it sees it (<see cref="RadarLook.Visible"/>; false where not asked for), with the detection range for the
    /// target's cross-section given: the same answers as <see cref="Look"/>, the costly tests (look angles, sector, horizon)
    /// made only where the range leaves them to decide. A track's timeline asks this at every sample, most of them out of
    /// range once it has seen the track.
    /// </summary>
    public (bool Visible, bool Detected) See(Vec3 targetEcefM, double targetHeightM, double detectionRangeM, bool visibilityKnown)
    {
        bool inRange = (targetEcefM - _siteEcefM).Norm <= detectionRangeM;
        if (!inRange && visibilityKnown)
        {
            return (false, false);
        }

        var (az, el, _) = LookAngles(targetEcefM);
        bool visible = InFieldOfRegard(az, el, targetEcefM) && InLineOfSight(targetEcefM, targetHeightM);
        return (visible, visible && inRange);
    }

    private bool InFieldOfRegard(double lookAzimuthRad, double elevationRad, Vec3 targetEcefM) =>
        elevationRad <= Spec.MaxElevationRad && (FullCircle || InSectorNear(lookAzimuthRad, targetEcefM));

    private bool InLineOfSight(Vec3 targetEcefM, double targetHeightM)
    {
        double central = Math.Acos(Math.Clamp(_siteUnit.Dot(targetEcefM.Normalized()), -1, 1));
        return RadarHorizon.EffectiveElevationRad(Site.HeightM, targetHeightM, central, RefractionK) >= _horizonDipRad + Spec.MinElevationRad;
    }
}
