namespace Bulwark.Engagement.Reach;

public sealed partial class ReachTable
{
    /// <summary>
    /// The buffers a <see cref="FanBuilder"/> fills: a fan's samples (eleven numbers and a flag a sample, for every fly-out
    /// and sampling step: 4.8 MB for a 60-program fan of 1,800 s at 2 s) and a bin's grid while it is inverted. Each is larger than the
    /// runtime's large-object threshold, so a builder that allocated its own made every bin a share of a full (gen-2)
    /// collection: a threshold search builds a thousand bins, one table and a few bins at a time. A small pool shared
    /// by the process hands them from builder to builder instead; a rented workspace belongs to one builder until it is
    /// returned, and what a bin's builder reads is only what it wrote, so the tables do not depend on the reuse.
    /// </summary>
    private sealed class FanWorkspace
    {
        private static readonly Stack<FanWorkspace> Pool = new();

        /// <summary>Workspaces kept for reuse at most (about one per thread that builds at once).</summary>
        private const int MaxPooled = 16;

        // Per fly-out i, sample j at [i * samples + j]: grid coordinates, speed, flight-path angle, bearing offset.
        public double[] X { get; private set; } = [];

        public double[] Y { get; private set; } = [];

        public double[] V { get; private set; } = [];

        public double[] G { get; private set; } = [];

        public double[] B { get; private set; } = [];

        // Per sample, its ECEF position and velocity (six numbers) and whether the five numbers above are computed.
        public double[] Ecef { get; private set; } = [];

        public bool[] Ready { get; private set; } = [];

        public int[] Count { get; private set; } = [];

        public FlyoutEnd[] Ends { get; private set; } = [];

        // The grid while it is built, per node and sheet.
        public double[] T { get; private set; } = [];

        public double[] Theta { get; private set; } = [];

        public double[] Speed { get; private set; } = [];

        public double[] Gamma { get; private set; } = [];

        public double[] Drift { get; private set; } = [];

        public bool[] Real { get; private set; } = [];

        /// <summary>A workspace with room for <paramref name="flyouts"/> fly-outs of <paramref name="samples"/> samples each.</summary>
        public static FanWorkspace Rent(int flyouts, int samples)
        {
            FanWorkspace? w = null;
            lock (Pool)
            {
                Pool.TryPop(out w);
            }

            w ??= new FanWorkspace();
            int n = flyouts * samples;
            if (w.X.Length < n)
            {
                (w.X, w.Y, w.V, w.G, w.B) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
                (w.Ecef, w.Ready) = (new double[6 * n], new bool[n]);
            }

            if (w.Count.Length < flyouts)
            {
                (w.Count, w.Ends) = (new int[flyouts], new FlyoutEnd[flyouts]);
            }

            return w;
        }

        /// <summary>Gives <paramref name="workspace"/> back for another builder.</summary>
        public static void Return(FanWorkspace workspace)
        {
            lock (Pool)
            {
                if (Pool.Count < MaxPooled)
                {
                    Pool.Push(workspace);
                }
            }
        }

        /// <summary>Makes the grid buffers hold at least <paramref name="slots"/> entries (two sheets a node).</summary>
        public void EnsureGrid(int slots)
        {
            if (T.Length < slots)
            {
                (T, Theta, Speed, Gamma, Drift, Real) = (new double[slots], new double[slots], new double[slots], new double[slots], new double[slots], new bool[slots]);
            }
        }
    }
}
