using Bulwark.Numerics;

namespace Bulwark.Geography;

/// <summary>One cell of a <see cref="LatLonGrid"/>: its corners and centre in degrees and its area on the ellipsoid.</summary>
public readonly record struct GridCell(int Index, int Row, int Column, double MinLatDeg, double MinLonDeg, double MaxLatDeg, double MaxLonDeg, double AreaM2)
{
    public double CentreLatDeg => 0.5 * (MinLatDeg + MaxLatDeg);

    public double CentreLonDeg => 0.5 * (MinLonDeg + MaxLonDeg);
}

/// <summary>
/// A grid of cells of <c>step</c> degrees in latitude and longitude over a box, row 0 at the south, column 0 at the west;
/// the last row and column are cut at the box's edge. Cell index = row · columns + column. Each cell's area is the exact
/// area of the longitude–latitude quadrangle on the WGS-84 ellipsoid, R_q²·Δλ·(sin β₂ − sin β₁) (see EllipsoidArea).
/// </summary>
public sealed class LatLonGrid
{
    public LatLonGrid(GeoBox box, double stepDeg)
    {
        if (!(stepDeg > 0 && stepDeg <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(stepDeg), stepDeg, "expected a step of more than 0° and at most 10°");
        }

        Box = box;
        StepDeg = stepDeg;
        Rows = Count(box.MaxLatDeg - box.MinLatDeg, stepDeg);
        Columns = Count(box.MaxLonDeg - box.MinLonDeg, stepDeg);
        var cells = new GridCell[Rows * Columns];
        for (int r = 0; r < Rows; r++)
        {
            double lat0 = box.MinLatDeg + r * stepDeg, lat1 = Math.Min(box.MaxLatDeg, lat0 + stepDeg);
            double band = EllipsoidArea.SinAuthalic(lat1) - EllipsoidArea.SinAuthalic(lat0);
            for (int c = 0; c < Columns; c++)
            {
                double lon0 = box.MinLonDeg + c * stepDeg, lon1 = Math.Min(box.MaxLonDeg, lon0 + stepDeg);
                double area = EllipsoidArea.AuthalicRadiusSquaredM2 * (lon1 - lon0) * Angle.RadPerDeg * band;
                cells[r * Columns + c] = new GridCell(r * Columns + c, r, c, lat0, lon0, lat1, lon1, area);
            }
        }

        Cells = cells;
    }

    public GeoBox Box { get; }

    public double StepDeg { get; }

    public int Rows { get; }

    public int Columns { get; }

    public IReadOnlyList<GridCell> Cells { get; }

    /// <summary>The index of the cell holding the point, or −1 outside the box (a point on an inner edge goes north and east).</summary>
    public int IndexOf(double latDeg, double lonDeg)
    {
        if (latDeg < Box.MinLatDeg || latDeg > Box.MaxLatDeg || lonDeg < Box.MinLonDeg || lonDeg > Box.MaxLonDeg)
        {
            return -1;
        }

        int r = Math.Min(Rows - 1, (int)Math.Floor((latDeg - Box.MinLatDeg) / StepDeg));
        int c = Math.Min(Columns - 1, (int)Math.Floor((lonDeg - Box.MinLonDeg) / StepDeg));
        return r * Columns + c;
    }

    // A span that is a whole number of steps to within rounding gives exactly that many cells.
    private static int Count(double spanDeg, double stepDeg) => Math.Max(1, (int)Math.Ceiling(spanDeg / stepDeg - 1e-9));
}
