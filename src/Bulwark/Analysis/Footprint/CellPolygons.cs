using Bulwark.Geography;

namespace Bulwark.Analysis.Footprint;

/// <summary>A polygon in longitude–latitude degrees: an outer ring counter-clockwise, holes clockwise (RFC 7946), each closed.</summary>
public sealed record LonLatPolygon(IReadOnlyList<(double LonDeg, double LatDeg)> Outer, IReadOnlyList<IReadOnlyList<(double LonDeg, double LatDeg)>> Holes);

/// <summary>
/// The outline of a set of grid cells as polygons: the cells' sides that border a cell outside the set, chained into
/// rings. Cells that touch only at a corner become separate polygons (at such a vertex the chain turns left, keeping
/// the set on its left), so every ring is simple; straight runs are merged into one edge.
/// </summary>
public static class CellPolygons
{
    public static IReadOnlyList<LonLatPolygon> Of(LatLonGrid grid, Func<int, bool> inSet)
    {
        int rows = grid.Rows, cols = grid.Columns;
        bool In(int r, int c) => r >= 0 && r < rows && c >= 0 && c < cols && inSet(r * cols + c);
        var edges = new Dictionary<(int X, int Y), List<(int X, int Y)>>();
        void Add((int, int) from, (int, int) to)
        {
            if (!edges.TryGetValue(from, out var list))
            {
                edges[from] = list = [];
            }

            list.Add(to);
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (!In(r, c))
                {
                    continue;
                }

                if (!In(r - 1, c)) Add((c, r), (c + 1, r));
                if (!In(r, c + 1)) Add((c + 1, r), (c + 1, r + 1));
                if (!In(r + 1, c)) Add((c + 1, r + 1), (c, r + 1));
                if (!In(r, c - 1)) Add((c, r + 1), (c, r));
            }
        }

        var rings = new List<List<(int X, int Y)>>();
        foreach (var start in edges.Keys.Order().ToList())
        {
            while (edges.TryGetValue(start, out var outs) && outs.Count > 0)
            {
                var ring = new List<(int X, int Y)> { start };
                var at = start;
                (int X, int Y) heading = (0, 0);
                while (true)
                {
                    var next = Take(edges, at, heading);
                    heading = (next.X - at.X, next.Y - at.Y);
                    at = next;
                    if (at == start)
                    {
                        break;
                    }

                    ring.Add(at);
                }

                rings.Add(Simplify(ring));
            }
        }

        var outers = rings.Where(r => Signed(r) > 0).OrderBy(r => r[0]).ToList();
        var holes = rings.Where(r => Signed(r) < 0).ToList();
        var holesOf = outers.ToDictionary(o => o, _ => new List<List<(int X, int Y)>>());
        foreach (var hole in holes)
        {
            // A point just left of the hole's first edge lies in the set, strictly inside the ring that holds the hole.
            var (a, b) = (hole[0], hole[1]);
            double px = 0.5 * (a.X + b.X) - 0.25 * (b.Y - a.Y), py = 0.5 * (a.Y + b.Y) + 0.25 * (b.X - a.X);
            var owner = outers.Where(o => Contains(o, px, py)).OrderBy(Signed).FirstOrDefault();
            if (owner is not null)
            {
                holesOf[owner].Add(hole);
            }
        }

        (double, double) LonLat((int X, int Y) v) => (
            Math.Min(grid.Box.MaxLonDeg, grid.Box.MinLonDeg + v.X * grid.StepDeg),
            Math.Min(grid.Box.MaxLatDeg, grid.Box.MinLatDeg + v.Y * grid.StepDeg));
        IReadOnlyList<(double, double)> Closed(List<(int X, int Y)> ring) => [.. ring.Select(LonLat), LonLat(ring[0])];
        return [.. outers.Select(o => new LonLatPolygon(Closed(o), [.. holesOf[o].Select(Closed)]))];
    }

    /// <summary>The next edge from <paramref name="at"/>: the sharpest left turn from <paramref name="heading"/>, then straight, then right.</summary>
    private static (int X, int Y) Take(Dictionary<(int X, int Y), List<(int X, int Y)>> edges, (int X, int Y) at, (int X, int Y) heading)
    {
        var outs = edges[at];
        int best = 0;
        if (outs.Count > 1)
        {
            int Rank((int X, int Y) to)
            {
                var d = (X: to.X - at.X, Y: to.Y - at.Y);
                int cross = heading.X * d.Y - heading.Y * d.X;
                return cross > 0 ? 0 : cross == 0 ? 1 : 2;
            }

            for (int k = 1; k < outs.Count; k++)
            {
                if (Rank(outs[k]) < Rank(outs[best]))
                {
                    best = k;
                }
            }
        }

        var next = outs[best];
        outs.RemoveAt(best);
        return next;
    }

    private static List<(int X, int Y)> Simplify(List<(int X, int Y)> ring)
    {
        var result = new List<(int X, int Y)>();
        int n = ring.Count;
        for (int i = 0; i < n; i++)
        {
            var (p, q, r) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
            if ((q.X - p.X) * (r.Y - q.Y) - (q.Y - p.Y) * (r.X - q.X) != 0)
            {
                result.Add(q);
            }
        }

        return result;
    }

    private static double Signed(List<(int X, int Y)> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            sum += (double)ring[j].X * ring[i].Y - (double)ring[i].X * ring[j].Y;
        }

        return 0.5 * sum;
    }

    private static bool Contains(List<(int X, int Y)> ring, double x, double y)
    {
        bool inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < (double)(xj - xi) * (y - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
