using Bulwark.Engagement;
using Bulwark.Geography;
using Bulwark.Catalog;
using Bulwark.Flight.Targeting;
using Bulwark.Catalog.Studies;

namespace Bulwark.Analysis.Footprint;

/// <summary>
/// An architecture's defended area against a <see cref="ThreatGrid"/>: each cell's threats (one per launch place that
/// reaches it) go through the architecture's sensors and batteries (<see cref="SensorPicture"/>,
/// <see cref="EngagementPicture"/>). A cell is defended when every launch place that reaches it leaves at least one shot
/// opportunity (a shot the doctrine fires); its kill probability is kept too. Then the coverage of each country.
/// </summary>
public static class Footprints
{
    /// <summary>The footprint of the catalog architecture <paramref name="architectureId"/> (see the other overload).</summary>
    public static FootprintResult Evaluate(string architectureId, ThreatGrid threat, IReadOnlyList<string>? countries = null, int membersYear = FootprintSettings.MembersYear, IProgress<double>? progress = null) =>
        Evaluate(threat.Catalog.Architecture(architectureId), threat, countries, membersYear, progress);

    /// <summary>
    /// The footprint of a scenario's architecture against its first threat's missile from that threat's launch place,
    /// over NATO Europe at <paramref name="stepDeg"/> (the viewer's overlay).
    /// </summary>
    public static FootprintResult OfScenario(AnalysisContext context, Scenario scenario, double stepDeg = FootprintSettings.ViewerStepDeg)
    {
        Architecture architecture = scenario.Architecture
            ?? throw scenario.Missing("architecture", "missing: a footprint needs an architecture");
        Threat threat = scenario.Threats.Count > 0 ? scenario.Threats[0]
            : throw scenario.Missing("threats", "missing: a footprint needs a threat");
        ThreatGrid grid = ThreatGrid.Fly(context.With(scenario.Catalog), threat.MissileId, [threat.FromId], GeoBox.NatoEurope, stepDeg);
        return Evaluate(architecture, grid);
    }

    /// <summary>
    /// Evaluates <paramref name="threat"/> against <paramref name="architecture"/> (in parallel; the result does not depend
    /// on the thread count) and the coverage of <paramref name="countries"/> (alpha-3; by default the NATO members of
    /// <paramref name="membersYear"/> and Russia). A uniform grid: every cell. An adaptive grid (<see cref="ThreatGrid.Prepare"/>):
    /// blocks of cells refined where the state or the shot count differs from a neighbour's (<see cref="AdaptiveGrid{T}"/>),
    /// each fine cell then taking its block's evaluation; areas and populations are counted on the fine cells, exactly.
    /// </summary>
    public static FootprintResult Evaluate(Architecture architecture, ThreatGrid threat, IReadOnlyList<string>? countries = null, int membersYear = FootprintSettings.MembersYear, IProgress<double>? progress = null)
    {
        var picture = threat.Context.SensorsOf(architecture);
        var engager = threat.Context.EngagerOf(architecture);
        var grid = threat.Grid;
        FootprintCell[] cells;
        AdaptiveGrid<FootprintCell>? adaptive = null;
        if (!threat.Adaptive)
        {
            cells = new FootprintCell[grid.Cells.Count];
            int done = 0;
            Parallel.For(0, cells.Length, threat.Parallelism, i =>
            {
                cells[i] = Cell(grid.Cells[i], new CellBlock(grid.Cells[i].Row, grid.Cells[i].Column, 1), threat, picture, engager);
                progress?.Report((double)Interlocked.Increment(ref done) / cells.Length);
            });
        }
        else
        {
            adaptive = Refine(architecture, threat, picture, engager, progress);
            cells = new FootprintCell[grid.Cells.Count];
            for (int i = 0; i < cells.Length; i++)
            {
                FootprintCell leaf = adaptive.Values[adaptive.LeafOf(i)];
                cells[i] = leaf with { Cell = grid.Cells[i] };
            }
        }

        var members = NatoMembers.In(threat.Catalog, membersYear);
        var wanted = countries ?? [.. members, "RUS"];
        var coverage = wanted.Select(iso3 => Coverage.Of(grid, k => cells[k].State, iso3, members.Contains(iso3))).ToList();
        return new FootprintResult(architecture, threat, cells, coverage)
        {
            Leaves = adaptive is null ? null : [.. adaptive.Values],
            EvaluatedCells = adaptive?.Evaluated ?? cells.Length,
        };
    }

    /// <summary>
    /// Whether two blocks need no boundary between them: the same state and, where defended, the same shot count (so the
    /// shot contours are refined too, not only the edges of the defended and threatened areas).
    /// </summary>
    public static bool SameForRefinement(FootprintCell a, FootprintCell b) => a.State == b.State && a.ShotsPossible == b.ShotsPossible;

    private static AdaptiveGrid<FootprintCell> Refine(Architecture architecture, ThreatGrid threat, Func<FlownThreat, ThreatPicture> picture,
        EngagementPicture.Engager engager, IProgress<double>? progress)
    {
        var grid = threat.Grid;

        // The cells holding a battery or a sensor site are refined down to single cells whatever their neighbours: an
        // island of defence (or a hole in it) that a coarse block's centre could miss is likeliest there.
        var sites = architecture.Batteries.Select(b => b.PlaceId).Concat(architecture.Sensors.Select(s => s.PlaceId))
            .OfType<string>().Distinct().Select(id => threat.Catalog.Place(id).Position)
            .Select(p => grid.IndexOf(p.LatitudeDeg, p.LongitudeDeg)).Where(k => k >= 0)
            .Select(k => (Row: k / grid.Columns, Column: k % grid.Columns)).ToList();
        bool HoldsSite(CellBlock b) => sites.Any(s => b.Holds(s.Row, s.Column));

        IReadOnlyList<FootprintCell> EvaluateBlocks(IReadOnlyList<CellBlock> blocks)
        {
            threat.FlyTo(blocks);
            var values = new FootprintCell[blocks.Count];
            Parallel.For(0, blocks.Count, threat.Parallelism, i => values[i] = Cell(blocks[i].On(grid), blocks[i], threat, picture, engager));
            return values;
        }

        return AdaptiveGrid<FootprintCell>.Refine(grid, threat.CoarseSize, EvaluateBlocks, SameForRefinement, HoldsSite, progress);
    }

    private static FootprintCell Cell(GridCell cell, CellBlock block, ThreatGrid threat, Func<FlownThreat, ThreatPicture> picture, EngagementPicture.Engager engager)
    {
        bool threatened = false, defended = true;
        int shots = int.MaxValue;
        double pKill = 1;
        HashSet<string>? batteries = null;
        for (int p = 0; p < threat.Launches.Count; p++)
        {
            if (threat.Threat(p, block) is not { } flown)
            {
                continue;
            }

            threatened = true;
            ThreatEngagement e = engager.EngageForShots(picture(flown));
            shots = Math.Min(shots, e.ShotsPossible);
            pKill = Math.Min(pKill, e.PKill);
            defended &= e.ShotsPossible >= 1;
            var engaging = e.Batteries.Where(b => b.Shots.Count > 0).Select(b => b.BatteryId);
            if (batteries is null)
            {
                batteries = [.. engaging];
            }
            else
            {
                batteries.IntersectWith(engaging);
            }
        }

        if (!threatened)
        {
            return new FootprintCell(cell, CellDefence.NotThreatened, 0, 0, []);
        }

        var names = batteries!.Order(StringComparer.Ordinal).ToList();
        return new FootprintCell(cell, defended ? CellDefence.Defended : CellDefence.Undefended, shots, pKill, names);
    }
}
