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

    /// <summary>The grid step of one footprint (<c>bulwark footprint</c>), degrees: well under a minute (docs/performance.md).</summary>
    public const double StepDeg = 1;

    /// <summary>The grid step of a comparison (<c>bulwark compare</c>), degrees: many footprints, so coarser (docs/performance.md).</summary>
    public const double ComparisonStepDeg = 2;

    /// <summary>The grid step of the viewer's overlay, degrees: coarse, so that it comes in seconds (docs/viewer.md).</summary>
    public const double ViewerStepDeg = 3;

    /// <summary>The years with a NATO member list (2010: the 28 of the Lisbon summit; 2024: the 32).</summary>
    public static readonly IReadOnlyList<int> MembersYears = [2010, 2024];

    /// <summary>The member list used unless another is asked for.</summary>
    public const int MembersYear = 2010;

    /// <summary>Whether <paramref name="stepDeg"/> lies within [<see cref="MinStepDeg"/>, <see cref="MaxStepDeg"/>].</summary>
    public static bool IsValidStep(double stepDeg) => stepDeg is >= MinStepDeg and <= MaxStepDeg;
}
