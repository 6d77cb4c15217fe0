using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Analysis.Footprint;

/// <summary>What a cell is against the threat.</summary>
public enum CellDefence
{
    /// <summary>No launch place's missile reaches it.</summary>
    NotThreatened,

    /// <summary>Threatened, and against at least one launch place no battery has a shot.</summary>
    Undefended,

    /// <summary>Threatened, and against every launch place that reaches it at least one shot opportunity.</summary>
    Defended,
}

/// <summary>One cell of a footprint.</summary>
/// <param name="Cell">the grid cell (corners, centre, area)</param>
/// <param name="State">not threatened, undefended or defended</param>
/// <param name="ShotsPossible">the fewest shots the doctrine fires against the threat from any launch place that reaches the cell (0 when not threatened)</param>
/// <param name="PKill">the lowest kill probability over those launch places (0 when not threatened)</param>
/// <param name="Batteries">the batteries with a shot against the threat from every launch place that reaches the cell</param>
public sealed record FootprintCell(GridCell Cell, CellDefence State, int ShotsPossible, double PKill, IReadOnlyList<string> Batteries);

/// <summary>A country's share of the footprint.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3</param>
/// <param name="Name">name as Natural Earth gives it</param>
/// <param name="AreaKm2">the country's area on the ellipsoid (its 1:50m polygons, islands included), km²</param>
/// <param name="AreaInRegionPct">the share of that area inside the footprint's region, %</param>
/// <param name="AreaThreatenedPct">the share in threatened cells, %</param>
/// <param name="AreaDefendedPct">the share in defended cells, %</param>
/// <param name="PopulationCount">the population of the country's GeoNames cities (≥ 1,000 inhabitants; see <see cref="Cities"/>)</param>
/// <param name="PopulationThreatenedPct">the share of it in cities whose cell is threatened, %</param>
/// <param name="PopulationDefendedPct">the share of it in cities whose cell is defended, %</param>
/// <param name="Member">NATO member in the year asked for (false for Russia)</param>
public sealed record CountryCoverage(string Iso3, string Name, double AreaKm2, double AreaInRegionPct, double AreaThreatenedPct, double AreaDefendedPct,
    double PopulationCount, double PopulationThreatenedPct, double PopulationDefendedPct, bool Member);

/// <summary>
/// An architecture's footprint against one threat grid, with the coverage of each country. <see cref="Cells"/> are the
/// cells of <see cref="Grid"/>, whether every one was evaluated (uniform) or took the evaluation of the block that holds it
/// (adaptive: <see cref="Leaves"/>).
/// </summary>
public sealed record FootprintResult(Architecture Architecture, ThreatGrid Threat, IReadOnlyList<FootprintCell> Cells, IReadOnlyList<CountryCoverage> Countries)
{
    /// <summary>The grid of <see cref="Cells"/>: uniform, or the fine cells of an adaptive grid (its effective resolution).</summary>
    public LatLonGrid Grid => Threat.Grid;

    /// <summary>Whether the footprint was refined adaptively (each of <see cref="Cells"/> then takes its leaf's evaluation).</summary>
    public bool Adaptive => Leaves is not null;

    /// <summary>An adaptive footprint's leaves (blocks of cells, each evaluated at its centre); null when uniform.</summary>
    public IReadOnlyList<FootprintCell>? Leaves { get; init; }

    /// <summary>The cells (or blocks of cells) evaluated against the architecture: every cell when uniform, far fewer when adaptive.</summary>
    public int EvaluatedCells { get; init; }

    public int DefendedCells => Cells.Count(c => c.State == CellDefence.Defended);

    public int ThreatenedCells => Cells.Count(c => c.State != CellDefence.NotThreatened);

    /// <summary>The area of the defended cells on the ellipsoid, km² (sea included).</summary>
    public double DefendedAreaKm2 => Cells.Where(c => c.State == CellDefence.Defended).Sum(c => c.Cell.AreaM2) / 1e6;

    /// <summary>The area of the threatened cells, km².</summary>
    public double ThreatenedAreaKm2 => Cells.Where(c => c.State != CellDefence.NotThreatened).Sum(c => c.Cell.AreaM2) / 1e6;

    /// <summary>The area of the region, km².</summary>
    public double RegionAreaKm2 => Cells.Sum(c => c.Cell.AreaM2) / 1e6;
}
