using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Geography;
using Bulwark.Numerics;
using Bulwark.Sensing;
using Bulwark.Analysis;

namespace Bulwark.Analysis.Footprint;

/// <summary>How the grid's trajectories are found.</summary>
public enum ThreatGridMethod
{
    /// <summary>Trajectory fans from each launch place, corrected by real flights (<c>TrajectoryFan</c>); the default.</summary>
    Fan,

    /// <summary>The targeter for every cell from scratch: the reference the fan is measured against.</summary>
    Direct,
}

/// <summary>Whether a missile from one launch place reaches a cell.</summary>
public enum CellThreat
{
    /// <summary>Flown to the cell centre.</summary>
    Threatened,

    /// <summary>Beyond the missile's maximum range toward the cell.</summary>
    OutOfRange,

    /// <summary>Closer than a minimum-energy trajectory can come down (next to the launch place).</summary>
    TooClose,

    /// <summary>The targeter found no trajectory for another reason (it did not converge); counted as not threatened and reported.</summary>
    NotSolved,
}

/// <summary>
/// A missile flown from each launch place to the centre of every cell of a grid (minimum-energy trajectories, launched
/// at t = 0): built once, then evaluated against any number of architectures (<c>Footprints.Evaluate</c>).
/// </summary>
public sealed class ThreatGrid
{
    private readonly FlownThreat?[][] _flown;
    private readonly CellThreat[][] _state;

    private ThreatGrid(AnalysisContext context, string missileId, IReadOnlyList<Place> launches, LatLonGrid grid, ThreatGridMethod method,
        FlownThreat?[][] flown, CellThreat[][] state, int flights, int fanFlights, int targeterCells)
    {
        (Context, MissileId, Launches, Grid, Method) = (context, missileId, launches, grid, method);
        (_flown, _state, Flights, FanFlights, TargeterCells) = (flown, state, flights, fanFlights, targeterCells);
    }

    /// <summary>The context the grid was flown in (its catalog and world); footprints of it are evaluated in it too.</summary>
    public AnalysisContext Context { get; }

    public BulwarkCatalog Catalog => Context.Catalog;

    public string MissileId { get; }

    /// <summary>The launch places; a cell is defended only if it is defended against each that reaches it.</summary>
    public IReadOnlyList<Place> Launches { get; }

    public LatLonGrid Grid { get; }

    public ThreatGridMethod Method { get; }

    /// <summary>Trajectories flown to build the grid (fans, corrections, targeter solves and the sampled tracks).</summary>
    public int Flights { get; }

    /// <summary>Of <see cref="Flights"/>, those that built the fans (a fixed cost per launch place, whatever the cells).</summary>
    public int FanFlights { get; }

    /// <summary>Cells (per launch place) the fan left to the targeter.</summary>
    public int TargeterCells { get; }

    /// <summary>The threat from launch place <paramref name="launch"/> (index into <see cref="Launches"/>) to a cell, or null if it does not reach it.</summary>
    public FlownThreat? Threat(int launch, int cell) => _flown[launch][cell];

    public CellThreat State(int launch, int cell) => _state[launch][cell];

    /// <summary>
    /// Flies <paramref name="missileId"/> from each of <paramref name="launchPlaceIds"/> (catalog places) to every cell
    /// centre of a <paramref name="stepDeg"/> grid over <paramref name="region"/>. Cells run in parallel; the result does
    /// not depend on the thread count. <paramref name="progress"/> receives the fraction done.
    /// </summary>
    public static ThreatGrid Fly(AnalysisContext context, string missileId, IReadOnlyList<string> launchPlaceIds, GeoBox region, double stepDeg,
        ThreatGridMethod method = ThreatGridMethod.Fan, IProgress<double>? progress = null)
    {
        if (launchPlaceIds.Count == 0)
        {
            throw new InputException(null, null, null, "--from", "expected at least one launch place");
        }

        BulwarkCatalog catalog = context.Catalog;
        FlightEnvironment env = context.Environment;
        IGuidedMissile missile = catalog.Missile(missileId);
        ThreatSignature signature = catalog.Signature(missileId);
        var launches = launchPlaceIds.Select(id => catalog.Place(id)).ToList();
        var grid = new LatLonGrid(region, stepDeg);
        int n = grid.Cells.Count, total = n * launches.Count, done = 0, flights = 0, fanFlights = 0, targeterCells = 0;
        var flown = new FlownThreat?[launches.Count][];
        var state = new CellThreat[launches.Count][];
        for (int p = 0; p < launches.Count; p++)
        {
            Geodetic launch = launches[p].Position with { HeightM = 0 };
            TrajectoryFan? fan = method == ThreatGridMethod.Fan ? BuildFan(env, missile, launch, grid) : null;
            fanFlights += fan?.Flights ?? 0;
            var f = new FlownThreat?[n];
            var s = new CellThreat[n];
            var cellFlights = new int[n];
            var viaTargeter = new bool[n];
            string placeId = launches[p].Id;
            Parallel.For(0, n, () => new Targeter(env), (i, _, targeter) =>
            {
                GridCell cell = grid.Cells[i];
                var request = new TargetingRequest(launch, Geodetic.FromDegrees(cell.CentreLatDeg, cell.CentreLonDeg));
                var threat = new Threat($"{missileId}-{placeId}-cell-{i}", missileId, placeId, $"cell-{i}", TrajectoryShape.MinimumEnergy);
                TargetingSolution? solution = null;
                TrajectoryFan.Outcome outcome = fan?.TrySolve(request, ThreatFlights.DefaultStepS, out solution) ?? TrajectoryFan.Outcome.UseTargeter;
                if (outcome == TrajectoryFan.Outcome.OutOfRange)
                {
                    s[i] = CellThreat.OutOfRange;
                }
                else if (outcome == TrajectoryFan.Outcome.UseTargeter)
                {
                    viaTargeter[i] = fan is not null;
                    try
                    {
                        solution = targeter.Solve(missile, request, ThreatFlights.DefaultStepS);
                    }
                    catch (TargetingException e)
                    {
                        s[i] = e.Failure switch
                        {
                            TargetingFailure.OutOfRange => CellThreat.OutOfRange,
                            TargetingFailure.TooClose => CellThreat.TooClose,
                            _ => CellThreat.NotSolved,
                        };
                    }
                }

                if (solution is not null)
                {
                    f[i] = ThreatFlights.From(threat, missile, solution, signature, env);
                    cellFlights[i] = solution.Flights + 1;
                }

                progress?.Report((double)Interlocked.Increment(ref done) / total);
                return targeter;
            }, _ => { });
            flights += cellFlights.Sum();
            targeterCells += viaTargeter.Count(x => x);
            flown[p] = f;
            state[p] = s;
        }

        return new ThreatGrid(context, missileId, launches, grid, method, flown, state, flights + fanFlights, fanFlights, targeterCells);
    }

    /// <summary>The fan over the launch azimuths toward the grid's cells, padded 15° each way for the Earth's rotation.</summary>
    private static TrajectoryFan BuildFan(FlightEnvironment env, IGuidedMissile missile, Geodetic launch, LatLonGrid grid)
    {
        double pad = Angle.DegToRad(15), step = Angle.DegToRad(4);
        var azimuths = grid.Cells.Select(c => Geodesic.Inverse(env.Planet.Shape, launch.LatitudeRad, launch.LongitudeRad,
            Angle.DegToRad(c.CentreLatDeg), Angle.DegToRad(c.CentreLonDeg)).InitialAzimuthRad).ToList();
        double mean = Math.Atan2(azimuths.Sum(Math.Sin), azimuths.Sum(Math.Cos));
        var offsets = azimuths.Select(a => Angle.WrapPi(a - mean)).ToList();
        double from = mean + offsets.Min() - pad, to = mean + offsets.Max() + pad;
        if (to - from >= Angle.TwoPi - 2 * pad)
        {
            (from, to) = (-Math.PI - pad, Math.PI + pad);
        }

        return TrajectoryFan.Build(env, missile, launch, from, to, step);
    }
}
