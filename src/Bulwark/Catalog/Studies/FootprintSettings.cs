namespace Bulwark.Catalog.Studies;

/// <summary>
/// The one set of limits and defaults of a footprint grid, for every caller: <c>bulwark footprint</c>, <c>bulwark
/// compare</c> (<see cref="ComparisonOptions"/>) and the viewer's overlay. The CLI's options read them.
/// </summary>
public static class FootprintSettings
{
    /// <summary>The finest grid step accepted, degrees.</summary>
    public const double MinStepDeg = 0.05;

    /// <summary>The coarsest grid step accepted, degrees.</summary>
    public const double MaxStepDeg = 10;

    /// <summary>
    /// The effective resolution of a footprint (<c>bulwark footprint</c>) and of a comparison (<c>bulwark compare</c>),
    /// degrees: an adaptive grid whose boundaries are refined to cells of this size (docs/footprint.md, "Adaptive grid").
    /// </summary>
    public const double ResolutionDeg = 0.5;

    /// <summary>
    /// The side of an adaptive grid's first blocks, in cells of its resolution (2° blocks at 0.5°): a feature that fits
    /// inside a block and touches no block boundary can be missed (docs/footprint.md measures it against uniform grids).
    /// </summary>
    public const int CoarseCells = 4;

    /// <summary>The grid step of the viewer's overlay, degrees: coarse, so that it comes in seconds (docs/viewer.md).</summary>
    public const double ViewerStepDeg = 3;

    /// <summary>The years with a NATO member list (2010: the 28 of the Lisbon summit; 2024: the 32).</summary>
    public static readonly IReadOnlyList<int> MembersYears = [2010, 2024];

    /// <summary>The member list used unless another is asked for.</summary>
    public const int MembersYear = 2010;

    /// <summary>Whether <paramref name="stepDeg"/> lies within [<see cref="MinStepDeg"/>, <see cref="MaxStepDeg"/>].</summary>
    public static bool IsValidStep(double stepDeg) => stepDeg is >= MinStepDeg and <= MaxStepDeg;
}
