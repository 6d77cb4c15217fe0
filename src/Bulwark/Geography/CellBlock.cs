using Bulwark.Numerics;

namespace Bulwark.Geography;

/// <summary>
/// A square block of a <see cref="LatLonGrid"/>'s cells: <see cref="Size"/> × <see cref="Size"/> cells from row
/// <see cref="Row"/> and column <see cref="Column"/> (its south-west cell), cut at the grid's last row and column. The
/// leaves of an <see cref="AdaptiveGrid{T}"/>: a block of size 2^k sits at rows and columns that are multiples of 2^k.
/// </summary>
public readonly record struct CellBlock(int Row, int Column, int Size)
{
    /// <summary>The block's rows inside <paramref name="grid"/> (fewer than <see cref="Size"/> at the north edge).</summary>
    public int RowsIn(LatLonGrid grid) => Math.Min(Size, grid.Rows - Row);

    /// <summary>The block's columns inside <paramref name="grid"/> (fewer than <see cref="Size"/> at the east edge).</summary>
    public int ColumnsIn(LatLonGrid grid) => Math.Min(Size, grid.Columns - Column);

    /// <summary>Whether the block holds the grid cell at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public bool Holds(int row, int column) => row >= Row && row < Row + Size && column >= Column && column < Column + Size;

    /// <summary>
    /// The block as one cell of <paramref name="grid"/>: its corners (those of its outer grid cells, so a 1 × 1 block is
    /// exactly that grid cell), its exact area on the ellipsoid, and the index, row and column of its south-west cell.
    /// </summary>
    public GridCell On(LatLonGrid grid)
    {
        var cells = grid.Cells;
        GridCell sw = cells[Row * grid.Columns + Column];
        if (Size == 1)
        {
            return sw;
        }

        GridCell ne = cells[(Row + RowsIn(grid) - 1) * grid.Columns + Column + ColumnsIn(grid) - 1];
        double band = EllipsoidArea.SinAuthalic(ne.MaxLatDeg) - EllipsoidArea.SinAuthalic(sw.MinLatDeg);
        double area = EllipsoidArea.AuthalicRadiusSquaredM2 * (ne.MaxLonDeg - sw.MinLonDeg) * Angle.RadPerDeg * band;
        return new GridCell(sw.Index, Row, Column, sw.MinLatDeg, sw.MinLonDeg, ne.MaxLatDeg, ne.MaxLonDeg, area);
    }
}
