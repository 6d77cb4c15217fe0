using Bulwark.Analysis.Footprint;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

public class CellPolygonsTests
{
    private static readonly LatLonGrid Grid = new(new GeoBox(0, 0, 6, 6), 1);

    private static double Shoelace(IReadOnlyList<(double X, double Y)> ring)
    {
        double sum = 0;
        for (int i = 0; i + 1 < ring.Count; i++)
        {
            sum += ring[i].X * ring[i + 1].Y - ring[i + 1].X * ring[i].Y;
        }

        return 0.5 * sum;
    }

    private static Func<int, bool> Set(params (int Row, int Col)[] cells) => i => cells.Contains((i / 6, i % 6));

    [Fact]
    public void ABlockIsOneCounterClockwiseRectangle()
    {
        var polygons = CellPolygons.Of(Grid, Set((1, 1), (1, 2), (2, 1), (2, 2)));
        var p = Assert.Single(polygons);
        Assert.Empty(p.Holes);
        Assert.Equal(5, p.Outer.Count);                      // four corners, closed
        Assert.Equal(p.Outer[0], p.Outer[^1]);
        Assert.Equal(4, Shoelace(p.Outer), 12);              // positive: counter-clockwise
    }

    [Fact]
    public void ARingOfCellsHasAClockwiseHoleAndCellsTouchingAtACornerStaySeparate()
    {
        var ring = new List<(int, int)>();
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 5; c++)
            {
                if (r is 0 or 4 || c is 0 or 4)
                {
                    ring.Add((r, c));
                }
            }
        }

        ring.Add((5, 5));                                     // touches the ring's north-east cell at a corner only
        var polygons = CellPolygons.Of(Grid, Set([.. ring]));
        Assert.Equal(2, polygons.Count);
        var big = polygons.Single(p => p.Holes.Count == 1);
        Assert.Equal(25, Shoelace(big.Outer), 12);
        Assert.Equal(-9, Shoelace(big.Holes[0]), 12);
        var small = polygons.Single(p => p.Holes.Count == 0);
        Assert.Equal(1, Shoelace(small.Outer), 12);
    }

    [Fact]
    public void TheOutlinesEncloseExactlyTheCellsOfRandomSets()
    {
        var random = new Random(6);
        for (int trial = 0; trial < 50; trial++)
        {
            var set = new bool[36];
            for (int i = 0; i < 36; i++)
            {
                set[i] = random.NextDouble() < 0.5;
            }

            var polygons = CellPolygons.Of(Grid, i => set[i]);
            double area = polygons.Sum(p => Shoelace(p.Outer) + p.Holes.Sum(Shoelace));
            Assert.Equal(set.Count(x => x), area, 12);
            foreach (var p in polygons)
            {
                Assert.All(p.Holes, h => Assert.True(Shoelace(h) < 0));
                Assert.True(Shoelace(p.Outer) > 0);
            }
        }
    }
}
