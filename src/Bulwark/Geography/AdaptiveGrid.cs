namespace Bulwark.Geography;

/// <summary>
/// A quadtree of <see cref="CellBlock"/>s over a fine <see cref="LatLonGrid"/>: the grid is first cut into coarse blocks,
/// each evaluated once (at its centre, by the caller); every block whose value differs from a neighbour's (the eight
/// blocks around it, whatever their size) is split into four and its quarters evaluated, round after round, until the
/// blocks on each boundary are single cells of the fine grid. The work grows with the length of the boundaries, not
/// with the area (docs/footprint.md, "Adaptive grid").
/// </summary>
/// <typeparam name="T">what a block's evaluation gives</typeparam>
public sealed class AdaptiveGrid<T>
{
    private readonly int[] _leafOfCell;

    private AdaptiveGrid(LatLonGrid grid, int coarseSize, IReadOnlyList<CellBlock> leaves, IReadOnlyList<T> values, int[] leafOfCell, int evaluated, int rounds)
    {
        (Grid, CoarseSize, Leaves, Values, _leafOfCell, Evaluated, Rounds) = (grid, coarseSize, leaves, values, leafOfCell, evaluated, rounds);
    }

    /// <summary>The fine grid: the resolution the boundaries are refined to.</summary>
    public LatLonGrid Grid { get; }

    /// <summary>The side of the first blocks, in fine cells (a power of two).</summary>
    public int CoarseSize { get; }

    /// <summary>The blocks that tile the grid at the end, by row then column of their south-west cell.</summary>
    public IReadOnlyList<CellBlock> Leaves { get; }

    /// <summary>Each leaf's value, in the order of <see cref="Leaves"/>.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>Blocks evaluated in all (the leaves and the blocks that were split).</summary>
    public int Evaluated { get; }

    /// <summary>Rounds of splitting after the coarse one.</summary>
    public int Rounds { get; }

    /// <summary>The index into <see cref="Leaves"/> of the leaf that holds fine cell <paramref name="cellIndex"/>.</summary>
    public int LeafOf(int cellIndex) => _leafOfCell[cellIndex];

    /// <summary>
    /// Builds the quadtree. <paramref name="evaluate"/> gets each round's new blocks and returns their values in the same
    /// order (it may run them in parallel); <paramref name="same"/> says whether two values need no boundary between them;
    /// <paramref name="alwaysSplit"/> names blocks to split down to single cells whatever their neighbours (e.g. those
    /// holding a battery site, where a small island could hide). Deterministic: each round's splits are decided on the
    /// values of the round before, in a fixed order. <paramref name="progress"/> gets a fraction after each round.
    /// </summary>
    public static AdaptiveGrid<T> Refine(LatLonGrid grid, int coarseSize, Func<IReadOnlyList<CellBlock>, IReadOnlyList<T>> evaluate,
        Func<T, T, bool> same, Func<CellBlock, bool>? alwaysSplit = null, IProgress<double>? progress = null)
    {
        if (coarseSize < 1 || (coarseSize & (coarseSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(coarseSize), coarseSize, "expected a power of two, 1 or more");
        }

        int rows = grid.Rows, cols = grid.Columns;
        var leaves = new List<CellBlock>();
        for (int r = 0; r < rows; r += coarseSize)
        {
            for (int c = 0; c < cols; c += coarseSize)
            {
                leaves.Add(new CellBlock(r, c, coarseSize));
            }
        }

        var values = new List<T>(Checked(evaluate(leaves), leaves.Count));
        var alive = Enumerable.Repeat(true, leaves.Count).ToList();
        var leafOf = new int[rows * cols];
        for (int i = 0; i < leaves.Count; i++)
        {
            Own(grid, leaves[i], i, leafOf);
        }

        int evaluated = leaves.Count, rounds = 0;
        progress?.Report(0.5);
        while (true)
        {
            var split = new List<int>();
            for (int i = 0; i < leaves.Count; i++)
            {
                if (alive[i] && leaves[i].Size > 1 && ((alwaysSplit?.Invoke(leaves[i]) ?? false) || DiffersFromANeighbour(grid, leaves, values, leafOf, i, same)))
                {
                    split.Add(i);
                }
            }

            if (split.Count == 0)
            {
                break;
            }

            var children = new List<CellBlock>(4 * split.Count);
            foreach (int i in split)
            {
                alive[i] = false;
                CellBlock b = leaves[i];
                int half = b.Size / 2;
                for (int dr = 0; dr < 2; dr++)
                {
                    for (int dc = 0; dc < 2; dc++)
                    {
                        var child = new CellBlock(b.Row + dr * half, b.Column + dc * half, half);
                        if (child.Row < rows && child.Column < cols)
                        {
                            children.Add(child);
                        }
                    }
                }
            }

            var childValues = Checked(evaluate(children), children.Count);
            for (int k = 0; k < children.Count; k++)
            {
                Own(grid, children[k], leaves.Count, leafOf);
                leaves.Add(children[k]);
                values.Add(childValues[k]);
                alive.Add(true);
            }

            evaluated += children.Count;
            rounds++;
            progress?.Report(1 - Math.Pow(0.5, rounds + 1));
        }

        var order = Enumerable.Range(0, leaves.Count).Where(i => alive[i]).OrderBy(i => leaves[i].Row).ThenBy(i => leaves[i].Column).ToList();
        var renumber = new int[leaves.Count];
        for (int k = 0; k < order.Count; k++)
        {
            renumber[order[k]] = k;
        }

        for (int j = 0; j < leafOf.Length; j++)
        {
            leafOf[j] = renumber[leafOf[j]];
        }

        return new AdaptiveGrid<T>(grid, coarseSize, [.. order.Select(i => leaves[i])], [.. order.Select(i => values[i])], leafOf, evaluated, rounds);
    }

    private static IReadOnlyList<T> Checked(IReadOnlyList<T> values, int count) =>
        values.Count == count ? values : throw new InvalidOperationException($"the evaluation gave {values.Count} values for {count} blocks");

    private static void Own(LatLonGrid grid, CellBlock b, int leaf, int[] leafOf)
    {
        int h = b.RowsIn(grid), w = b.ColumnsIn(grid);
        for (int r = b.Row; r < b.Row + h; r++)
        {
            Array.Fill(leafOf, leaf, r * grid.Columns + b.Column, w);
        }
    }

    /// <summary>Whether a leaf's value differs from that of any leaf touching it (sides or corners).</summary>
    private static bool DiffersFromANeighbour(LatLonGrid grid, List<CellBlock> leaves, List<T> values, int[] leafOf, int i, Func<T, T, bool> same)
    {
        CellBlock b = leaves[i];
        int r0 = b.Row - 1, r1 = b.Row + b.RowsIn(grid), c0 = b.Column - 1, c1 = b.Column + b.ColumnsIn(grid);
        int last = -1;
        for (int r = Math.Max(0, r0); r <= Math.Min(grid.Rows - 1, r1); r++)
        {
            bool edgeRow = r == r0 || r == r1;
            for (int c = Math.Max(0, c0); c <= Math.Min(grid.Columns - 1, c1); c += edgeRow || c == c1 ? 1 : c1 - c)
            {
                int j = leafOf[r * grid.Columns + c];
                if (j != i && j != last)
                {
                    if (!same(values[i], values[j]))
                    {
                        return true;
                    }

                    last = j;
                }
            }
        }

        return false;
    }
}
