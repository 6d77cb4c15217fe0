using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Flight.Targeting;

/// <summary>
/// The correction toward an aim point at a fixed elevation that <see cref="MinimumEnergyRefinement"/> and the footprint's
/// trajectory fan share: fly, measure the miss, then step the energy by the range error over the range's slope and the
/// azimuth by the impact's bearing error (as <see cref="Targeter"/> corrects its azimuth), until the miss is small enough.
/// The callers differ only in how they estimate the slope, where they stop and which azimuths they may fly.
/// </summary>
internal static class AimCorrection
{
    /// <summary>Flights at full energy that land short, one after another, after which the correction gives up.</summary>
    public const int FullEnergyShortFlights = 2;

    /// <summary>A flight to impact as the corrections see it.</summary>
    /// <param name="Trajectory">the flight, launch to impact</param>
    /// <param name="Impact">where it lands</param>
    /// <param name="RangeM">geodesic range of the impact from the launch place, m</param>
    /// <param name="BearingRad">geodesic azimuth of the impact from the launch place, rad</param>
    public readonly record struct Shot(Trajectory? Trajectory, Geodetic Impact, double RangeM, double BearingRad)
    {
        /// <summary>Measures a flight that came down: its impact, and the geodesic from <paramref name="launch"/> to it.</summary>
        public static Shot Measure(FlightEnvironment env, Geodetic launch, Trajectory trajectory)
        {
            Geodetic impact = env.GeodeticPosition(trajectory.Final);
            GeodesicLine line = Geodesic.Inverse(env.Planet.Shape, launch.LatitudeRad, launch.LongitudeRad, impact.LatitudeRad, impact.LongitudeRad);
            return new Shot(trajectory, impact, line.DistanceM, line.InitialAzimuthRad);
        }
    }

    /// <summary>The azimuth corrected by the bearing error of an impact at <paramref name="bearingRad"/> against the geodesic to the aim point.</summary>
    public static double CorrectAzimuth(double azimuthRad, double bearingRad, GeodesicLine toAim) =>
        azimuthRad - Angle.WrapPi(bearingRad - toAim.InitialAzimuthRad);

    /// <summary>
    /// Corrects <paramref name="azimuthRad"/> and <paramref name="energy"/> until an impact is within
    /// <paramref name="stopM"/> of <paramref name="aim"/>: that flight and its miss; null if a flight does not come down,
    /// the slope gives up, an azimuth may not be flown, <see cref="FullEnergyShortFlights"/> flights in a row land short at
    /// full energy, or <paramref name="maxFlights"/> flights do not do it.
    /// </summary>
    /// <param name="shape">the ellipsoid the misses are measured on</param>
    /// <param name="toAim">the geodesic from the launch place to the aim point</param>
    /// <param name="aim">the aim point</param>
    /// <param name="stopM">the miss that is good enough, m</param>
    /// <param name="minEnergy">the least energy fraction a step may go to (the most is 1)</param>
    /// <param name="maxFlights">flights at the most</param>
    /// <param name="azimuthRad">the launch azimuth, corrected in place</param>
    /// <param name="energy">the energy fraction, corrected in place</param>
    /// <param name="fly">flies (azimuth, energy) at the caller's elevation; null if the flight does not come down</param>
    /// <param name="slope">the range's slope in the energy for the step from this flight, given the flight before it
    /// (energy, range; null for the first) and the current azimuth and energy; null to give up</param>
    /// <param name="mayFly">whether an azimuth may be flown; null: any</param>
    /// <param name="acceptM">where the correction cannot get within <paramref name="stopM"/>, the closest flight that came
    /// within this miss (m) is the answer instead, the azimuth and energy set back to it; null (the default): no fallback</param>
    public static (Shot Shot, double MissM)? Run(Ellipsoid shape, GeodesicLine toAim, Geodetic aim, double stopM, double minEnergy, int maxFlights,
        ref double azimuthRad, ref double energy, Func<double, double, Shot?> fly,
        Func<Shot, (double E, double R)?, double, double, double?> slope, Func<double, bool>? mayFly = null, double? acceptM = null)
    {
        (double E, double R)? previous = null;
        (Shot Shot, double MissM, double Az, double E)? closest = null;
        int shortAtFullEnergy = 0;
        for (int k = 0; k < maxFlights && (mayFly is null || mayFly(azimuthRad)); k++)
        {
            if (fly(azimuthRad, energy) is not { } shot)
            {
                break;
            }

            double miss = Geodesic.Inverse(shape, shot.Impact.LatitudeRad, shot.Impact.LongitudeRad, aim.LatitudeRad, aim.LongitudeRad).DistanceM;
            if (miss <= stopM)
            {
                return (shot, miss);
            }

            if (miss <= acceptM && !(closest?.MissM <= miss))
            {
                closest = (shot, miss, azimuthRad, energy);
            }

            // Short at full energy twice running (the second at the corrected azimuth): the energy cannot rise, and what is
            // left of the azimuth's correction hardly moves the range, so no later flight would land: give up now instead
            // of flying to maxFlights (the edge of the range, where most aim points beyond it end here).
            shortAtFullEnergy = energy >= 1 && shot.RangeM < toAim.DistanceM - stopM ? shortAtFullEnergy + 1 : 0;
            if (shortAtFullEnergy >= FullEnergyShortFlights)
            {
                break;
            }

            if (slope(shot, previous, azimuthRad, energy) is not { } s)
            {
                break;
            }

            previous = (energy, shot.RangeM);
            energy = Math.Clamp(energy + (toAim.DistanceM - shot.RangeM) / s, minEnergy, 1);
            azimuthRad = CorrectAzimuth(azimuthRad, shot.BearingRad, toAim);
        }

        if (closest is not { } c)
        {
            return null;
        }

        (azimuthRad, energy) = (c.Az, c.E);
        return (c.Shot, c.MissM);
    }
}
