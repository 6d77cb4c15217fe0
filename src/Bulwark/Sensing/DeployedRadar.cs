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
    private readonly double _horizonDipRad;

    public DeployedRadar(string id, RadarSpec spec, Geodetic site, double? boresightAzimuthRad = null, double refractionK = RadarHorizon.StandardRefraction)
    {
        Id = id;
        Spec = spec;
        Site = site;
        BoresightAzimuthRad = boresightAzimuthRad ?? spec.BoresightAzimuthRad ?? 0;
        RefractionK = refractionK;
        _siteEcefM = Ellipsoid.Wgs84.ToEcef(site);
        _siteUnit = _siteEcefM.Normalized();
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
        Vec3 enu = LocalFrame.EcefToEnu(los, Site.LatitudeRad, Site.LongitudeRad);
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

    /// <summary>What the radar makes of a target at an Earth-fixed position and height with a radar cross-section.</summary>
    public RadarLook Look(Vec3 targetEcefM, double targetHeightM, double rcsM2)
    {
        var (_, el, range) = LookAngles(targetEcefM);
        bool forOk = el <= Spec.MaxElevationRad && (FullCircle || InSector(BearingRad(targetEcefM)));
        double central = Math.Acos(Math.Clamp(_siteUnit.Dot(targetEcefM.Normalized()), -1, 1));
        bool los = RadarHorizon.EffectiveElevationRad(Site.HeightM, targetHeightM, central, RefractionK) >= _horizonDipRad + Spec.MinElevationRad;
        return new RadarLook(forOk, los, range <= DetectionRangeM(rcsM2), range);
    }
}
