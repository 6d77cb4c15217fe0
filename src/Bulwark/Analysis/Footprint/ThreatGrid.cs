using System.Collections.Concurrent;
using Bulwark.Catalog;
using Bulwark.Catalog.Studies;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
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

    /// <summary>Closer than the grid's trajectory shape can come down (next to the launch place).</summary>
    TooClose,

    /// <summary>The targeter found no trajectory for another reason (it did not converge); counted as not threatened and reported.</summary>
    NotSolved,
}

/// <summary>
/// A missile flown from each launch place to aim points over a grid (minimum-energy trajectories, launched at t = 0), then
/// evaluated against any number of architectures (<c>Footprints.Evaluate</c>). A uniform grid (<see cref="Fly"/>) flies
/// to the centre of every cell at once; an adaptive one (<see cref="Prepare"/>) builds only the fans and flies to the
/// centres of the blocks of cells (<see cref="CellBlock"/>) the footprint's refinement asks for (<see cref="FlyTo"/>),
/// each block once whatever the number of architectures.
/// </summary>
public sealed class ThreatGrid
{
    private readonly Lazy<TrajectoryFan?>[] _fans;
    private readonly IGuidedMissile _missile;
    private readonly ThreatSignature _signature;
    private readonly ConcurrentDictionary<CellBlock, Aim> _aims = new();
    private readonly Dictionary<CellBlock, ThreatGridStore.Aim> _solved = [];
    private readonly Lock _flying = new();
    private ThreatGridStore? _store;
    private int _flights, _fanFlights, _targeterCells, _storedAimPoints, _released;
    private bool _isReleased;

    private ThreatGrid(AnalysisContext context, string missileId, IReadOnlyList<Place> launches, LatLonGrid grid, ThreatGridMethod method, bool adaptive,
        TrajectoryShape shape)
    {
        (Context, MissileId, Launches, Grid, Method, Adaptive, Shape) = (context, missileId, launches, grid, method, adaptive, shape);
        _missile = context.Catalog.Missile(missileId);
        _signature = context.Catalog.Signature(missileId);

        // A fan is built when a block must be solved from its launch place: a grid whose blocks are all in the store flies none.
        _fans = [.. launches.Select(l => new Lazy<TrajectoryFan?>(() =>
        {
            // The fans are of minimum-energy trajectories: a lofted or depressed grid asks the targeter for every aim point.
            if (method != ThreatGridMethod.Fan || shape != TrajectoryShape.MinimumEnergy)
            {
                return null;
            }

            TrajectoryFan fan = BuildFan(context.Environment, _missile, l.Position with { HeightM = 0 }, grid);
            Interlocked.Add(ref _fanFlights, fan.Flights);
            Interlocked.Add(ref _flights, fan.Flights);
            return fan;
        }))];
    }

    /// <summary>The context the grid was flown in (its catalog and world); footprints of it are evaluated in it too.</summary>
    public AnalysisContext Context { get; }

    public BulwarkCatalog Catalog => Context.Catalog;

    public string MissileId { get; }

    /// <summary>The launch places; a cell is defended only if it is defended against each that reaches it.</summary>
    public IReadOnlyList<Place> Launches { get; }

    /// <summary>The grid: every cell's centre when uniform; the finest cells (the effective resolution) when adaptive.</summary>
    public LatLonGrid Grid { get; }

    public ThreatGridMethod Method { get; }

    /// <summary>The trajectory shape flown to every aim point (minimum energy unless a study's threat class says otherwise).</summary>
    public TrajectoryShape Shape { get; }

    /// <summary>Whether footprints of this grid refine blocks of cells near boundaries (<see cref="Prepare"/>) rather than evaluate every cell.</summary>
    public bool Adaptive { get; }

    /// <summary>The side of an adaptive footprint's first blocks, in cells of <see cref="Grid"/> (1 when uniform).</summary>
    public int CoarseSize { get; private init; } = 1;

    /// <summary>Threads at most for the flights and a footprint's cells (−1: as many as the runtime likes); the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Whether an adaptive grid starts each refined block's corrections from the block it was split from
    /// (<see cref="TrajectoryFan.Seed"/>); off only to measure what the seed changes (ThreatGridSeedTests).
    /// </summary>
    internal bool SeedFromParents { get; set; } = true;

    /// <summary>The parallel options of <see cref="MaxDegreeOfParallelism"/>.</summary>
    internal ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };

    /// <summary>Trajectories flown so far (fans, corrections, targeter solves and the sampled tracks).</summary>
    public int Flights => Volatile.Read(ref _flights);

    /// <summary>Of <see cref="Flights"/>, those that built the fans (a fixed cost per launch place, whatever the cells; none when every block came from the store).</summary>
    public int FanFlights => Volatile.Read(ref _fanFlights);

    /// <summary>Of <see cref="AimPoints"/>, those read from the store (docs/cache.md): each cost one flight per threatened launch place, its track.</summary>
    public int StoredAimPoints => Volatile.Read(ref _storedAimPoints);

    /// <summary>Aim points (per launch place) the fan left to the targeter so far.</summary>
    public int TargeterCells => Volatile.Read(ref _targeterCells);

    /// <summary>Aim points flown to so far: cells, or blocks of cells when adaptive (each once for all launch places).</summary>
    public int AimPoints => _aims.Count + _released;

    /// <summary>
    /// Lets go of the flown tracks (the memory of a grid: one track per aim point and launch place) once every footprint
    /// wanted of it is evaluated; the counts stay. Asking for a block, or flying to one, afterwards is an error
    /// (<see cref="InvalidOperationException"/>).
    /// </summary>
    public void Release()
    {
        lock (_flying)
        {
            _released += _aims.Count;
            _aims.Clear();
            _isReleased = true;
        }
    }

    /// <summary>The blocks flown to so far (in no particular order).</summary>
    internal IEnumerable<CellBlock> FlownBlocks => _aims.Keys;

    /// <summary>The threat from launch place <paramref name="launch"/> (index into <see cref="Launches"/>) to the centre of a cell, or null if it does not reach it.</summary>
    public FlownThreat? Threat(int launch, int cell) => Threat(launch, SingleCell(cell));

    public CellThreat State(int launch, int cell) => State(launch, SingleCell(cell));

    /// <summary>The threat to the centre of a block of cells (flown by <see cref="FlyTo"/>), or null if it does not reach it.</summary>
    public FlownThreat? Threat(int launch, CellBlock block) => AimAt(block).Flown[launch];

    public CellThreat State(int launch, CellBlock block) => AimAt(block).State[launch];

    /// <summary>
    /// Flies <paramref name="missileId"/> from each of <paramref name="launchPlaceIds"/> (catalog places) to every cell
    /// centre of a <paramref name="stepDeg"/> grid over <paramref name="region"/>: the uniform grid. Cells run in
    /// parallel; the result does not depend on the thread count. <paramref name="progress"/> receives the fraction done.
    /// </summary>
    public static ThreatGrid Fly(AnalysisContext context, string missileId, IReadOnlyList<string> launchPlaceIds, GeoBox region, double stepDeg,
        ThreatGridMethod method = ThreatGridMethod.Fan, IProgress<double>? progress = null, TrajectoryShape shape = TrajectoryShape.MinimumEnergy)
    {
        ThreatGrid grid = Create(context, missileId, launchPlaceIds, region, stepDeg, method, adaptive: false, coarseSize: 1, maxDegreeOfParallelism: -1, shape);
        grid.FlyTo([.. grid.Grid.Cells.Select(c => new CellBlock(c.Row, c.Column, 1))], progress);
        return grid;
    }

    /// <summary>
    /// An adaptive grid at <paramref name="resolutionDeg"/>: nothing is flown until a footprint asks for blocks, starting
    /// from blocks of <paramref name="coarseSize"/> × <paramref name="coarseSize"/> cells; the fans are built when a first
    /// block must be solved (over the azimuths of every cell of that resolution, so a single cell is flown as
    /// <see cref="Fly"/> flies it), and not at all when the store holds every block asked for (docs/cache.md).
    /// </summary>
    public static ThreatGrid Prepare(AnalysisContext context, string missileId, IReadOnlyList<string> launchPlaceIds, GeoBox region, double resolutionDeg,
        int coarseSize = FootprintSettings.CoarseCells, ThreatGridMethod method = ThreatGridMethod.Fan, int maxDegreeOfParallelism = -1,
        TrajectoryShape shape = TrajectoryShape.MinimumEnergy) =>
        Create(context, missileId, launchPlaceIds, region, resolutionDeg, method, adaptive: true, coarseSize, maxDegreeOfParallelism, shape);

    /// <summary>
    /// Flies to the centre of each block not flown yet, in parallel (the result of a block does not depend on the thread
    /// count nor on the blocks flown before it). <paramref name="progress"/> receives the fraction of these blocks done.
    /// </summary>
    public void FlyTo(IReadOnlyList<CellBlock> blocks, IProgress<double>? progress = null)
    {
        lock (_flying)
        {
            if (_isReleased)
            {
                throw new InvalidOperationException("this threat grid's tracks were released (ThreatGrid.Release): fly a new grid");
            }

            var missing = blocks.Where(b => !_aims.ContainsKey(b)).Distinct().ToList();
            int n = missing.Count, total = n * Launches.Count, done = 0;
            var aims = new Aim[n];
            var stored = new ThreatGridStore.Aim?[n];
            for (int i = 0; i < n; i++)
            {
                aims[i] = new Aim(new FlownThreat?[Launches.Count], new CellThreat[Launches.Count]);
                stored[i] = _store?.Stored.GetValueOrDefault(missing[i]);
            }

            // Every (block, launch place) pair in one parallel loop: no barrier between launch places, and the costly
            // pairs (the targeter's) share the threads with the rest. The fans needed are built first (each in parallel).
            FlightEnvironment env = Context.Environment;
            int places = Launches.Count;
            var fans = Enumerable.Range(0, places).Select(p => stored.Any(a => a is null) ? _fans[p].Value : null).ToArray();
            var flights = new int[total];
            var viaTargeter = new bool[total];
            Parallel.For(0, total, Parallelism, () => new Targeter(env), (j, _, targeter) =>
            {
                int i = j / places, p = j % places;
                CellBlock block = missing[i];
                GridCell cell = block.On(Grid);
                var request = new TargetingRequest(Launches[p].Position with { HeightM = 0 }, Geodetic.FromDegrees(cell.CentreLatDeg, cell.CentreLonDeg), Shape);
                string placeId = Launches[p].Id;
                string name = block.Size == 1 ? $"cell-{cell.Index}" : $"block-{block.Row}-{block.Column}-{block.Size}";
                var threat = new Threat($"{MissileId}-{placeId}-{name}", MissileId, placeId, name, Shape);
                TargetingSolution? solution;
                if (stored[i] is { } kept)
                {
                    // From the store: the state, and the track flown again from the stored solution.
                    aims[i].State[p] = kept.State[p];
                    solution = kept.Solutions[p]?.Fly(env, _missile, request, ThreatFlights.DefaultStepS);
                    flights[j] = solution is null ? 0 : 1;
                }
                else
                {
                    (solution, aims[i].State[p], viaTargeter[j]) = Solve(fans[p], targeter, request, SeedOf(block, p));
                    // A refined solution's track is its refinement's last flight; any other is flown again for its samples.
                    flights[j] = solution is null ? 0 : solution.Refined ? solution.Flights : solution.Flights + 1;
                }

                if (solution is not null)
                {
                    // The track keeps the samples the sensors and batteries use; the solution keeps its events and end
                    // (burnout, apogee, impact) without a second copy of them: an adaptive grid holds thousands.
                    FlownThreat flown = ThreatFlights.From(threat, _missile, solution, _signature, env);
                    Trajectory t = solution.Trajectory;
                    aims[i].Flown[p] = flown with
                    {
                        Solution = solution with { Trajectory = new Trajectory([], t.Events, t.Final, t.End, t.Evaluations, t.Steps, t.RejectedSteps) },
                    };
                }

                progress?.Report((double)Interlocked.Increment(ref done) / total);
                return targeter;
            }, _ => { });
            Interlocked.Add(ref _flights, flights.Sum());
            Interlocked.Add(ref _targeterCells, viaTargeter.Count(x => x));

            for (int i = 0; i < n; i++)
            {
                _aims[missing[i]] = aims[i];
                _solved[missing[i]] = stored[i] ?? new ThreatGridStore.Aim([.. aims[i].State], [.. aims[i].Flown.Select(f => f is null ? (ThreatGridStore.Solved?)null : ThreatGridStore.Solved.Of(f.Solution))]);
            }

            _storedAimPoints += stored.Count(a => a is not null);
            if (stored.Any(a => a is null))
            {
                _store?.Write(_solved);
            }
        }
    }

    /// <summary>
    /// Solves one aim point from one launch place: the fan (from <paramref name="seed"/> when given), the targeter where the
    /// fan leaves it; the solution (null when not threatened), the state, and whether the fan left it to the targeter.
    /// </summary>
    private (TargetingSolution? Solution, CellThreat State, bool ViaTargeter) Solve(TrajectoryFan? fan, Targeter targeter, TargetingRequest request, TrajectoryFan.Seed? seed)
    {
        TargetingSolution? solution = null;
        TrajectoryFan.Outcome outcome = fan?.TrySolve(request, ThreatFlights.DefaultStepS, out solution, seed) ?? TrajectoryFan.Outcome.UseTargeter;
        if (outcome == TrajectoryFan.Outcome.OutOfRange)
        {
            return (null, CellThreat.OutOfRange, false);
        }

        if (outcome == TrajectoryFan.Outcome.Solved)
        {
            return (solution, CellThreat.Threatened, false);
        }

        try
        {
            return (targeter.Solve(_missile, request, ThreatFlights.DefaultStepS), CellThreat.Threatened, fan is not null);
        }
        catch (TargetingException e)
        {
            return (null, e.Failure switch
            {
                TargetingFailure.OutOfRange => CellThreat.OutOfRange,
                TargetingFailure.TooClose => CellThreat.TooClose,
                _ => CellThreat.NotSolved,
            }, fan is not null);
        }
    }

    private static ThreatGrid Create(AnalysisContext context, string missileId, IReadOnlyList<string> launchPlaceIds, GeoBox region, double stepDeg,
        ThreatGridMethod method, bool adaptive, int coarseSize, int maxDegreeOfParallelism, TrajectoryShape shape)
    {
        if (launchPlaceIds.Count == 0)
        {
            throw new InputException(null, null, null, "--from", "expected at least one launch place");
        }

        BulwarkCatalog catalog = context.Catalog;
        FlightEnvironment env = context.Environment;
        IGuidedMissile missile = catalog.Missile(missileId);
        var launches = launchPlaceIds.Select(id => catalog.Place(id)).ToList();
        var grid = new LatLonGrid(region, stepDeg);
        var threatGrid = new ThreatGrid(context, missileId, launches, grid, method, adaptive, shape) { CoarseSize = coarseSize, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        if (context.Store is { } store)
        {
            string description = ThreatGridStore.Description(missile, [.. launches.Select(l => l.Position with { HeightM = 0 })], grid, method, adaptive,
                adaptive ? coarseSize : 1, env, ThreatFlights.DefaultStepS, shape);
            threatGrid._store = ThreatGridStore.Open(store, description, launches.Count);
        }

        return threatGrid;
    }

    /// <summary>
    /// The solved neighbour a block's corrections start from: the block it was split from (of twice its size, flown in an
    /// earlier round whichever architecture asked for it, so the seed does not depend on the order of the work), if that
    /// block was solved from this launch place; null for the first blocks and for uniform grids.
    /// </summary>
    private TrajectoryFan.Seed? SeedOf(CellBlock block, int launch)
    {
        int size = 2 * block.Size, mask = ~(size - 1);
        if (!SeedFromParents || !Adaptive || block.Size >= CoarseSize || !_aims.TryGetValue(new CellBlock(block.Row & mask, block.Column & mask, size), out Aim? parent)
            || parent.Flown[launch] is not { Solution: var s })
        {
            return null;
        }

        return new TrajectoryFan.Seed(s.Request.Aim, s.AzimuthRad, s.Controls);
    }

    private CellBlock SingleCell(int cell) => new(cell / Grid.Columns, cell % Grid.Columns, 1);

    private Aim AimAt(CellBlock block) =>
        _aims.TryGetValue(block, out Aim? aim) ? aim
            : throw new InvalidOperationException(_isReleased ? $"block {block}: this threat grid's tracks were released (ThreatGrid.Release)" : $"block {block} has not been flown (ThreatGrid.FlyTo)");

    /// <summary>The threats from each launch place to one aim point and their states.</summary>
    private sealed record Aim(FlownThreat?[] Flown, CellThreat[] State);

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
