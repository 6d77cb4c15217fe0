using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Flight.Vehicles;

/// <summary>
/// The textbook idealisation: the boost is replaced by its burnout state — altitude, Earth-relative speed and flight-path
/// angle at a time after launch and a ground distance downrange — after which the re-entry vehicle flies ballistically.
/// The energy fraction scales the burnout speed; the elevation is the burnout flight-path angle.
/// </summary>
/// <param name="Name">display name</param>
/// <param name="BurnoutAltitudeM">geodetic height at burnout, m</param>
/// <param name="BurnoutSpeedMPerS">largest Earth-relative burnout speed, m/s</param>
/// <param name="BurnoutTimeS">time from launch to burnout, s</param>
/// <param name="BurnoutDownrangeM">ground distance from the launch point to the burnout point, m</param>
/// <param name="Rv">the re-entry vehicle</param>
/// <param name="MinElevationRad">lowest burnout flight-path angle, rad</param>
/// <param name="MaxElevationRad">highest burnout flight-path angle, rad</param>
public sealed record BurnoutStateMissile(
    string Name,
    double BurnoutAltitudeM,
    double BurnoutSpeedMPerS,
    double BurnoutTimeS,
    double BurnoutDownrangeM,
    ReentryVehicle Rv,
    double MinElevationRad = 0.5 * Angle.RadPerDeg,
    double MaxElevationRad = 89.5 * Angle.RadPerDeg) : IGuidedMissile
{
    public (double MinRad, double MaxRad) ElevationRange => (MinElevationRad, MaxElevationRad);

    public FlightPlan Plan(FlightEnvironment environment, Geodetic launch, double launchTimeS, double azimuthRad, ShapeControls controls)
    {
        Ellipsoid shape = environment.Planet.Shape;
        double headingRad = azimuthRad;
        Geodetic burnoutPoint = launch;
        if (BurnoutDownrangeM > 0)
        {
            burnoutPoint = Geodesic.Direct(shape, launch.LatitudeRad, launch.LongitudeRad, azimuthRad, BurnoutDownrangeM);
            headingRad = Geodesic.Inverse(shape, launch.LatitudeRad, launch.LongitudeRad, burnoutPoint.LatitudeRad, burnoutPoint.LongitudeRad).FinalAzimuthRad;
        }

        double speed = Math.Clamp(controls.EnergyFraction, 0, 1) * BurnoutSpeedMPerS;
        var (sinG, cosG) = Math.SinCos(controls.ElevationRad);
        var (sinA, cosA) = Math.SinCos(headingRad);
        var vNed = new Vec3(speed * cosG * cosA, speed * cosG * sinA, -speed * sinG);
        FlightState burnout = environment.StateAt(launchTimeS + BurnoutTimeS, burnoutPoint with { HeightM = BurnoutAltitudeM }, vNed, Rv.MassKg);
        return new FlightPlan(burnout, [
            new FlightPhase("boost (idealised)", 0, [], null, "burnout"),
            new FlightPhase("ballistic", double.PositiveInfinity, Rv.Body.Forces(environment)),
        ]);
    }
}
