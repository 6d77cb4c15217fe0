using System.Globalization;
using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Flight.Targeting;

/// <summary>
/// Solves for the launch azimuth and the shape controls that put a missile's impact on an aim point over a rotating Earth.
/// The range is solved for a fixed azimuth (shape controls), then the azimuth is corrected by the bearing error of the
/// impact, until the miss is under the request's tolerance; a minimum-energy solution is then refined to the one
/// trajectory its aim point defines (<see cref="MinimumEnergyRefinement"/>). See docs/targeting.md. One instance per thread.
/// </summary>
public sealed class Targeter
{
    /// <summary>A flight that has not come down after this long is treated as orbital.</summary>
    public const double MaxFlightTimeS = 6 * 3600;

    private const double RangeToleranceM = 20;
    private const double ElevationToleranceRad = 2e-4;
    private const double MinEnergyFraction = 0.01;
    private const int MaxAzimuthIterations = 12;
    private const double HintElevationRad = 0.05;
    private const double HintEnergy = 0.01;
    private readonly FlightEnvironment _environment;
    private readonly Propagator _propagator;
    private readonly Dictionary<(double, double, double), Shot> _cache = [];
    private int _flights;

    public Targeter(FlightEnvironment environment)
    {
        _environment = environment;
        _propagator = new Propagator(environment, new PropagationOptions(null, 0, 0, true, PropagationOptions.DefaultIntegrator));
    }

    /// <summary>
    /// The closest a launch may be to a pole, degrees of latitude (about 1.1 km): nearer, the launch frame's north turns
    /// faster than the boost's heading can follow and the aim does not converge; refused as bad input.
    /// </summary>
    public const double PoleMarginDeg = 0.01;

    private static void CheckAwayFromThePole(TargetingRequest request)
    {
        if (Math.Abs(request.Launch.LatitudeDeg) > 90 - PoleMarginDeg)
        {
            throw new TargetingException(TargetingFailure.TooClose,
                Invariant($"a launch at latitude {request.Launch.LatitudeDeg:0.#####}° is within {PoleMarginDeg}° of a pole, where a launch cannot be aimed; expected a launch latitude from −{90 - PoleMarginDeg} to {90 - PoleMarginDeg}"));
        }
    }

    /// <summary>Finds the trajectory; throws <see cref="TargetingException"/> when there is none.</summary>
    public TargetingSolution Solve(IGuidedMissile missile, TargetingRequest request, double outputStepS = 0)
    {
        _flights = 0;
        _cache.Clear();
        CheckAwayFromThePole(request);
        Ellipsoid shape = _environment.Planet.Shape;
        Geodetic launch = request.Launch;
        GeodesicLine toAim = Geodesic.Inverse(shape, launch.LatitudeRad, launch.LongitudeRad, request.Aim.LatitudeRad, request.Aim.LongitudeRad);
        double rangeM = toAim.DistanceM;
        var search = new ShapeSearch(this, missile, request);
        double azimuth = toAim.InitialAzimuthRad;
        Shot best = default;
        ShapeControls bestControls = default;
        double bestMiss = double.PositiveInfinity;
        double bestAzimuth = azimuth;
        for (int i = 0; i < MaxAzimuthIterations; i++)
        {
            ShapeControls controls = search.Solve(azimuth, rangeM);
            Shot shot = Fly(missile, request, azimuth, controls);
            double miss = Geodesic.Inverse(shape, shot.Impact.LatitudeRad, shot.Impact.LongitudeRad, request.Aim.LatitudeRad, request.Aim.LongitudeRad).DistanceM;
            if (miss < bestMiss)
            {
                (best, bestControls, bestMiss, bestAzimuth) = (shot, controls, miss, azimuth);
            }

            if (miss <= Math.Min(100, request.MissToleranceM / 2))
            {
                break;
            }

            azimuth = AimCorrection.CorrectAzimuth(azimuth, shot.BearingRad, toAim);
        }

        if (bestMiss > request.MissToleranceM)
        {
            throw new TargetingException(TargetingFailure.NotConverged,
                Invariant($"targeting did not converge: the closest impact was {bestMiss / 1000:F1} km from the aim point (tolerance {request.MissToleranceM / 1000:F1} km)"));
        }

        Trajectory trajectory = best.Trajectory;
        Geodetic impact = best.Impact;
        double range = best.RangeM;
        PropagationOptions options = _propagator.Options;
        bool isRefined = false;
        if (request.Shape == TrajectoryShape.MinimumEnergy)
        {
            // The search stops on a range that is flat at its maximum, where its elevation depends on its bracket: pin
            // the trajectory down to the one the aim point defines (docs/targeting.md). Kept as searched if that fails.
            // Its last flight is sampled at the output step: the refined track, not flown again.
            var refinement = new MinimumEnergyRefinement(_environment, missile, launch, request.LaunchTimeS, outputStepS);
            MinimumEnergyRefinement.Solution? refined = refinement.Refine(request.Aim, bestAzimuth, bestControls);
            _flights += refinement.Flights;
            if (refined is { } r)
            {
                (bestAzimuth, bestControls, trajectory, impact, bestMiss, range) = (r.AzimuthRad, r.Controls, r.Trajectory, r.Impact, r.MissM, r.RangeM);
                isRefined = true;
            }
        }

        if (outputStepS > 0 && !isRefined)
        {
            var sampled = new Propagator(_environment, options with { OutputStepS = outputStepS });
            trajectory = sampled.Run(missile.Plan(_environment, launch, request.LaunchTimeS, bestAzimuth, bestControls), request.LaunchTimeS + MaxFlightTimeS);
        }

        return new TargetingSolution(missile, request, bestAzimuth, bestControls, trajectory, impact, bestMiss, range, _flights)
        {
            Refined = isRefined,
        };
    }

    /// <summary>The longest range the missile reaches from <paramref name="launch"/> toward <paramref name="azimuthRad"/> (full energy, best elevation), m.</summary>
    public double MaximumRangeM(IGuidedMissile missile, Geodetic launch, double azimuthRad, double launchTimeS = 0)
    {
        _cache.Clear();
        var request = new TargetingRequest(launch, launch, TrajectoryShape.MinimumEnergy, null, launchTimeS);
        return new ShapeSearch(this, missile, request).MaxRange(azimuthRad, 1).RangeM;
    }

    private Shot Fly(IGuidedMissile missile, TargetingRequest request, double azimuthRad, ShapeControls controls)
    {
        // The searches ask for the same flight more than once (the best of a golden-section search, the final check).
        var key = (azimuthRad, controls.EnergyFraction, controls.ElevationRad);
        if (_cache.TryGetValue(key, out Shot cached))
        {
            return cached;
        }

        Shot shot = FlyUncached(missile, request, azimuthRad, controls);
        _cache[key] = shot;
        return shot;
    }

    private Shot FlyUncached(IGuidedMissile missile, TargetingRequest request, double azimuthRad, ShapeControls controls)
    {
        _flights++;
        FlightPlan plan = missile.Plan(_environment, request.Launch, request.LaunchTimeS, azimuthRad, controls);
        Trajectory t = _propagator.Run(plan, request.LaunchTimeS + MaxFlightTimeS);
        if (t.End != FlightEnd.Altitude)
        {
            throw new TargetingException(TargetingFailure.NoImpact,
                Invariant($"{missile.Name} does not come down within {MaxFlightTimeS / 3600:F0} h (energy fraction {controls.EnergyFraction:F3}, elevation {Angle.RadToDeg(controls.ElevationRad):F2}°): it is orbital"));
        }

        Ellipsoid shape = _environment.Planet.Shape;
        Geodetic impact = _environment.GeodeticPosition(t.Final);
        GeodesicLine line = Geodesic.Inverse(shape, request.Launch.LatitudeRad, request.Launch.LongitudeRad, impact.LatitudeRad, impact.LongitudeRad);
        double apogee = t.Find("apogee") is { } a ? _environment.GeodeticPosition(a.State).HeightM : 0;
        return new Shot(t, impact, line.DistanceM, line.InitialAzimuthRad, apogee);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Shot(Trajectory Trajectory, Geodetic Impact, double RangeM, double BearingRad, double ApogeeM);

    /// <summary>Solves the shape controls for a range at a fixed azimuth, per the request's shape.</summary>
    private sealed class ShapeSearch(Targeter owner, IGuidedMissile missile, TargetingRequest request)
    {
        private readonly double _minElevation = missile.ElevationRange.MinRad;
        private readonly double _maxElevation = missile.ElevationRange.MaxRad;

        public ShapeControls Solve(double azimuthRad, double rangeM) => request.Shape switch
        {
            TrajectoryShape.MinimumEnergy => MinimumEnergy(azimuthRad, rangeM),
            TrajectoryShape.Lofted when request.ApogeeAltitudeM is { } h => LoftedToApogee(azimuthRad, rangeM, h),
            TrajectoryShape.Lofted => FullEnergy(azimuthRad, rangeM, lofted: true),
            _ => FullEnergy(azimuthRad, rangeM, lofted: false),
        };

        /// <summary>The minimum-energy solution of the previous azimuth iteration: the next one starts near it.</summary>
        private ShapeControls? _hint;

        /// <summary>The best elevation and the range it gives at energy fraction <paramref name="energy"/>.</summary>
        public (double ElevationRad, double RangeM) MaxRange(double azimuthRad, double energy)
        {
            double F(double e) => Range(azimuthRad, new ShapeControls(energy, e));
            if (_hint is { } hint)
            {
                // Near the previous optimum first; accepted only if the maximum is inside the narrow bracket.
                double lo = Math.Max(_minElevation, hint.ElevationRad - HintElevationRad);
                double hi = Math.Min(_maxElevation, hint.ElevationRad + HintElevationRad);
                var (xn, fn) = Solvers.Maximise(F, lo, hi, ElevationToleranceRad);
                bool interior = (xn - lo > 2 * ElevationToleranceRad || lo == _minElevation) && (hi - xn > 2 * ElevationToleranceRad || hi == _maxElevation);
                if (interior)
                {
                    return (xn, fn);
                }
            }

            var (x, f) = Solvers.Maximise(F, _minElevation, _maxElevation, ElevationToleranceRad);
            return (x, f);
        }

        private double Range(double azimuthRad, ShapeControls c) => owner.Fly(missile, request, azimuthRad, c).RangeM;

        private ShapeControls MinimumEnergy(double azimuthRad, double rangeM)
        {
            if (_hint is { } hint)
            {
                // A later azimuth iteration: the energy moves little, so bracket it near the previous solution.
                double lo = Math.Max(MinEnergyFraction, hint.EnergyFraction - HintEnergy);
                double hi = Math.Min(1, hint.EnergyFraction + HintEnergy);
                double flo = MaxRange(azimuthRad, lo).RangeM - rangeM;
                double fhi = MaxRange(azimuthRad, hi).RangeM - rangeM;
                if (flo <= 0 && fhi >= 0)
                {
                    double e = Solvers.FindRoot(x => MaxRange(azimuthRad, x).RangeM - rangeM, lo, hi, flo, fhi, 1e-9, RangeToleranceM);
                    _hint = new ShapeControls(e, MaxRange(azimuthRad, e).ElevationRad);
                    return _hint.Value;
                }
            }

            var (_, maxRange) = MaxRange(azimuthRad, 1);
            if (maxRange < rangeM)
            {
                throw OutOfRange(rangeM, maxRange);
            }

            var (_, minRange) = MaxRange(azimuthRad, MinEnergyFraction);
            if (minRange > rangeM)
            {
                throw new TargetingException(TargetingFailure.TooClose,
                    Invariant($"the aim point is {rangeM / 1000:F1} km away, closer than {missile.Name}'s shortest minimum-energy range of {minRange / 1000:F1} km"));
            }

            double energy = Solvers.FindRoot(e => MaxRange(azimuthRad, e).RangeM - rangeM, MinEnergyFraction, 1, minRange - rangeM, maxRange - rangeM, 1e-9, RangeToleranceM);
            _hint = new ShapeControls(energy, MaxRange(azimuthRad, energy).ElevationRad);
            return _hint.Value;
        }

        private ShapeControls FullEnergy(double azimuthRad, double rangeM, bool lofted, double energy = 1)
        {
            var (best, maxRange) = MaxRange(azimuthRad, energy);
            if (maxRange < rangeM)
            {
                throw OutOfRange(rangeM, maxRange);
            }

            double end = lofted ? _maxElevation : _minElevation;
            double endRange = Range(azimuthRad, new ShapeControls(energy, end));
            if (endRange > rangeM)
            {
                // Even the steepest (flattest) trajectory the guidance allows overflies the aim point at this energy:
                // fly that trajectory with the thrust cut early instead.
                double lowRange = Range(azimuthRad, new ShapeControls(MinEnergyFraction, end));
                if (energy < 1 || lowRange > rangeM)
                {
                    throw new TargetingException(TargetingFailure.TooClose,
                        Invariant($"the aim point is {rangeM / 1000:F1} km away; a {(lofted ? "lofted" : "depressed")} trajectory of {missile.Name} reaches no closer than {Math.Min(endRange, lowRange) / 1000:F1} km"));
                }

                double cut = Solvers.FindRoot(e => Range(azimuthRad, new ShapeControls(e, end)) - rangeM, MinEnergyFraction, energy, lowRange - rangeM, endRange - rangeM, 1e-9, RangeToleranceM);
                return new ShapeControls(cut, end);
            }

            double elevation = Solvers.FindRoot(e => Range(azimuthRad, new ShapeControls(energy, e)) - rangeM, best, end, maxRange - rangeM, endRange - rangeM, 1e-10, RangeToleranceM);
            return new ShapeControls(energy, elevation);
        }

        private ShapeControls LoftedToApogee(double azimuthRad, double rangeM, double apogeeM)
        {
            ShapeControls minimum = MinimumEnergy(azimuthRad, rangeM);
            double minApogee = owner.Fly(missile, request, azimuthRad, minimum).ApogeeM;
            if (apogeeM < minApogee)
            {
                throw new TargetingException(TargetingFailure.ApogeeUnreachable,
                    Invariant($"an apogee of {apogeeM / 1000:F0} km is below the minimum-energy apogee of {minApogee / 1000:F0} km for this range: a lofted trajectory flies higher"));
            }

            ShapeControls full = FullEnergy(azimuthRad, rangeM, lofted: true);
            double maxApogee = owner.Fly(missile, request, azimuthRad, full).ApogeeM;
            if (apogeeM > maxApogee)
            {
                throw new TargetingException(TargetingFailure.ApogeeUnreachable,
                    Invariant($"an apogee of {apogeeM / 1000:F0} km is above the highest that {missile.Name} reaches at this range, {maxApogee / 1000:F0} km"));
            }

            ShapeControls at = full;
            double energy = Solvers.FindRoot(e =>
            {
                at = FullEnergy(azimuthRad, rangeM, lofted: true, energy: e);
                return owner.Fly(missile, request, azimuthRad, at).ApogeeM - apogeeM;
            }, minimum.EnergyFraction, 1, minApogee - apogeeM, maxApogee - apogeeM, 1e-9, 100);
            return FullEnergy(azimuthRad, rangeM, lofted: true, energy: energy);
        }

        private TargetingException OutOfRange(double rangeM, double maxRange) => new(TargetingFailure.OutOfRange,
            Invariant($"the aim point is {rangeM / 1000:F1} km away, beyond {missile.Name}'s maximum range of {maxRange / 1000:F1} km in that direction"),
            maxRange);
    }
}
