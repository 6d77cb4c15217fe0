using Bulwark.Geography;

namespace Bulwark.Tests.Geography;

public class AdaptiveGridTests
{
    // 0.25° cells over a box whose spans are not whole numbers of coarse blocks (122 rows × 201 columns, 24,522 cells),
    // so the blocks at the north and east edges are cut.
    private static readonly LatLonGrid Fine = new(new GeoBox(30, -10, 60.3, 40.1), 0.25);

    // Two nested discs (degrees of latitude and longitude): 0 outside, 1 in the outer ring, 2 in the inner disc — a
    // footprint's not-defended / defended / more shots, with boundaries much longer than a block is wide.
    private static int Disc(double latDeg, double lonDeg)
    {
        double d = Math.Sqrt((latDeg - 45) * (latDeg - 45) + (lonDeg - 15) * (lonDeg - 15));
        return d < 4 ? 2 : d < 9 ? 1 : 0;
    }

    private static IReadOnlyList<int> Evaluate(IReadOnlyList<CellBlock> blocks) =>
        [.. blocks.Select(b => b.On(Fine)).Select(c => Disc(c.CentreLatDeg, c.CentreLonDeg))];

    [Fact]
    public void RefinementFollowsTheBoundariesAndAgreesWithTheUniformGridAtAFractionOfTheCells()
    {
        var tree = AdaptiveGrid<int>.Refine(Fine, 8, Evaluate, (a, b) => a == b);
        int uniform = Fine.Cells.Count;
        int differ = Fine.Cells.Count(c => tree.Values[tree.LeafOf(c.Index)] != Disc(c.CentreLatDeg, c.CentreLonDeg));

        // Every cell takes the value the uniform grid gives it: smooth boundaries wider than a block are all found.
        Assert.Equal(0, differ);

        // The cost grows with the boundaries' length (two circles of 2π·9/0.25 ≈ 226 and 2π·4/0.25 ≈ 100 cells, a few
        // cells thick at each level), not with the area: here under a sixth of the uniform grid's cells.
        Assert.True(tree.Evaluated < uniform / 6, $"{tree.Evaluated} blocks evaluated, {uniform} cells");
        Assert.True(tree.Leaves.Count(l => l.Size == 8) > 250, "most of the area stays in coarse blocks");
    }

    [Fact]
    public void EveryLeafNextToADifferentValueIsASingleCell()
    {
        var tree = AdaptiveGrid<int>.Refine(Fine, 8, Evaluate, (a, b) => a == b);
        for (int r = 0; r < Fine.Rows; r++)
        {
            for (int c = 0; c < Fine.Columns; c++)
            {
                int here = tree.LeafOf(r * Fine.Columns + c);
                foreach (var (dr, dc) in new[] { (0, 1), (1, 0), (1, 1), (1, -1) })
                {
                    int rr = r + dr, cc = c + dc;
                    if (rr >= Fine.Rows || cc < 0 || cc >= Fine.Columns)
                    {
                        continue;
                    }

                    int there = tree.LeafOf(rr * Fine.Columns + cc);
                    if (tree.Values[here] != tree.Values[there])
                    {
                        Assert.Equal(1, tree.Leaves[here].Size);
                        Assert.Equal(1, tree.Leaves[there].Size);
                    }
                }
            }
        }
    }

    [Fact]
    public void TheLeavesTileTheGridAndTheirAreasSumToTheRegions()
    {
        var tree = AdaptiveGrid<int>.Refine(Fine, 8, Evaluate, (a, b) => a == b);
        var count = new int[Fine.Cells.Count];
        for (int k = 0; k < tree.Leaves.Count; k++)
        {
            CellBlock b = tree.Leaves[k];
            for (int r = b.Row; r < b.Row + b.RowsIn(Fine); r++)
            {
                for (int c = b.Column; c < b.Column + b.ColumnsIn(Fine); c++)
                {
                    count[r * Fine.Columns + c]++;
                    Assert.Equal(k, tree.LeafOf(r * Fine.Columns + c));
                }
            }
        }

        Assert.All(count, n => Assert.Equal(1, n));

        // A leaf's area is the exact quadrangle of its corners: the sum over the leaves is the box's area on the
        // ellipsoid, R_q²·Δλ·(sin β₂ − sin β₁), to rounding (1e-12 relative).
        double leaves = tree.Leaves.Sum(b => b.On(Fine).AreaM2), cells = Fine.Cells.Sum(c => c.AreaM2);
        GeoBox box = Fine.Box;
        double exact = EllipsoidArea.AuthalicRadiusSquaredM2 * (box.MaxLonDeg - box.MinLonDeg) * Math.PI / 180
            * (EllipsoidArea.SinAuthalic(box.MaxLatDeg) - EllipsoidArea.SinAuthalic(box.MinLatDeg));
        Assert.Equal(1, leaves / exact, 1e-12);
        Assert.Equal(1, cells / exact, 1e-12);
    }

    [Fact]
    public void ASingleCellBlockIsItsGridCell()
    {
        GridCell cell = Fine.Cells[5 * Fine.Columns + 7];
        Assert.Equal(cell, new CellBlock(5, 7, 1).On(Fine));
        GridCell block = new CellBlock(120, 200, 4).On(Fine);         // cut at the north-east corner: 2 rows, 1 column
        Assert.Equal((60.0, 40.0, 60.3, 40.1), (block.MinLatDeg, block.MinLonDeg, block.MaxLatDeg, block.MaxLonDeg));
        Assert.Equal(Fine.Cells[120 * Fine.Columns + 200].AreaM2 + Fine.Cells[121 * Fine.Columns + 200].AreaM2, block.AreaM2, 1e-3);
    }

    [Fact]
    public void BlocksNamedToSplitAreSplitDownToSingleCellsWhateverTheirNeighbours()
    {
        var tree = AdaptiveGrid<int>.Refine(Fine, 8, blocks => [.. blocks.Select(_ => 0)], (a, b) => a == b, b => b.Holds(50, 50));
        Assert.Equal(1, tree.Leaves[tree.LeafOf(50 * Fine.Columns + 50)].Size);
        int coarse = (int)Math.Ceiling(Fine.Rows / 8.0) * (int)Math.Ceiling(Fine.Columns / 8.0);
        Assert.Equal(coarse + 3 * 4, tree.Evaluated);                    // 8 → 4 → 2 → 1: four quarters a level
        Assert.Equal(3, tree.Rounds);
    }

    [Fact]
    public void TheCoarseSizeMustBeAPowerOfTwo() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveGrid<int>.Refine(Fine, 6, Evaluate, (a, b) => a == b));
}
