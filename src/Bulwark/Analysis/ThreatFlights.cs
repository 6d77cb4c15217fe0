using System.Runtime.ExceptionServices;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;
using Bulwark.Sensing;

namespace Bulwark.Analysis;

/// <summary>A scenario threat flown to its target: the solution and the track sensors see.</summary>
public sealed record FlownThreat(Threat Threat, IGuidedMissile Missile, TargetingSolution Solution, ThreatTrack Track);

/// <summary>Flies a scenario's threats (launched at t = 0), in parallel, in the scenario's order.</summary>
public static class ThreatFlights
{
    /// <summary>The track sample step, s: the resolution of every sensor time derived from it.</summary>
    public const double DefaultStepS = 1.0;

    /// <summary>
    /// Flies <paramref name="threats"/> in <paramref name="context"/>'s world, in parallel, in their order. A threat that
    /// cannot be flown (out of its missile's range, launched at its own target) is bad input: the
    /// <see cref="InputException"/> of the first such threat in their order, naming <paramref name="file"/> when given.
    /// Any other failure is rethrown as itself (not wrapped in an <see cref="AggregateException"/>).
    /// </summary>
    public static IReadOnlyList<FlownThreat> Fly(AnalysisContext context, IReadOnlyList<Threat> threats, double stepS = DefaultStepS, string? file = null)
    {
        var flown = new FlownThreat[threats.Count];
        var failures = new Exception?[threats.Count];
        Parallel.For(0, threats.Count, i =>
        {
            try
            {
                flown[i] = Fly(context, threats[i], stepS, file);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (Array.Find(failures, f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return flown;
    }

    /// <summary>
    /// Flies the threats that their missiles can reach, in their order, in parallel; those whose target is beyond the
    /// missile's range (or too close for its shape) are left out and returned with the reason. A comparison counts shot
    /// opportunities over a fixed threat set, and a sweep's run may shorten a missile's range (docs/sweeps.md): a threat
    /// it no longer reaches threatens nothing. Any other failure is thrown as <see cref="Fly(AnalysisContext, IReadOnlyList{Threat}, double, string?)"/> throws it.
    /// </summary>
    public static (IReadOnlyList<FlownThreat> Flown, IReadOnlyList<(Threat Threat, string Why)> OutOfReach) FlyReachable(AnalysisContext context,
        IReadOnlyList<Threat> threats, double stepS = DefaultStepS)
    {
        ArgumentNullException.ThrowIfNull(threats);
        var flown = new FlownThreat?[threats.Count];
        var why = new string?[threats.Count];
        var failures = new Exception?[threats.Count];
        Parallel.For(0, threats.Count, i =>
        {
            try
            {
                var (missile, request) = RequestOf(context, threats[i]);
                TargetingSolution solution = new Targeter(context.Environment).Solve(missile, request, stepS);
                flown[i] = From(threats[i], missile, solution, context.Catalog.Signature(threats[i].MissileId), context.Environment);
            }
            catch (TargetingException e) when (e.Failure is TargetingFailure.OutOfRange or TargetingFailure.TooClose)
            {
                why[i] = e.Message;
            }
            catch (Exception e) when (e is TargetingException or ArgumentException or Integration.IntegrationException)
            {
                failures[i] = new InputException(null, null, null, $"threat '{threats[i].Id}'",
                    $"{threats[i].MissileId} from {threats[i].FromId} to {threats[i].ToId} cannot be flown: {e.Message}");
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (Array.Find(failures, f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return ([.. flown.OfType<FlownThreat>()], [.. threats.Select((t, i) => (t, why[i])).Where(x => x.Item2 is not null).Select(x => (x.t, x.Item2!))]);
    }

    /// <summary>
    /// Flies one threat to its target. A target the missile cannot reach (out of range, the launch place itself) is bad
    /// input: an <see cref="InputException"/> naming the threat, its missile, its places and <paramref name="file"/> when given.
    /// </summary>
    public static FlownThreat Fly(AnalysisContext context, Threat threat, double stepS = DefaultStepS, string? file = null)
    {
        var (missile, request) = RequestOf(context, threat);
        TargetingSolution solution;
        try
        {
            solution = new Targeter(context.Environment).Solve(missile, request, stepS);
        }
        catch (Exception e) when (e is TargetingException or ArgumentException or Integration.IntegrationException)
        {
            throw new InputException(file, null, null, $"threat '{threat.Id}'",
                $"{threat.MissileId} from {threat.FromId} to {threat.ToId} cannot be flown: {e.Message}");
        }

        return From(threat, missile, solution, context.Catalog.Signature(threat.MissileId), context.Environment);
    }

    private static (IGuidedMissile Missile, TargetingRequest Request) RequestOf(AnalysisContext context, Threat threat)
    {
        BulwarkCatalog catalog = context.Catalog;
        return (catalog.Missile(threat.MissileId),
            new TargetingRequest(catalog.Place(threat.FromId).Position with { HeightM = 0 }, catalog.Place(threat.ToId).Position, threat.Shape));
    }

    /// <summary>The flown threat of a solution whose trajectory carries samples (the track is its samples).</summary>
    public static FlownThreat From(Threat threat, IGuidedMissile missile, TargetingSolution solution, ThreatSignature signature, FlightEnvironment environment) =>
        new(threat, missile, solution, TrackOf(threat.Id, solution, environment, signature));

    /// <summary>The track of a targeted flight: its samples (Earth-fixed position, height, Earth-relative velocity), launch and burnout times.</summary>
    public static ThreatTrack TrackOf(string id, TargetingSolution solution, FlightEnvironment environment, ThreatSignature signature)
    {
        var points = solution.Trajectory.Samples.Select(s =>
        {
            double w = environment.Planet.RotationRateRadPerS;
            EarthRotation.Turn turn = EarthRotation.At(s.TimeS, w);
            Vec3 rEcef = turn.EciToEcef(s.PositionEciM);
            return new TrackPoint(s.TimeS, rEcef, environment.Planet.Shape.HeightOf(rEcef), EarthRotation.EcefVelocity(s.PositionEciM, s.VelocityEciMPerS, turn, w));
        }).ToList();
        return new ThreatTrack(id, points, solution.Request.LaunchTimeS, solution.Burnout.TimeS, signature);
    }
}
