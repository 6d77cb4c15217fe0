using System.IO.Compression;
using System.Runtime.InteropServices;
using Bulwark.Caching;
using Bulwark.Earth;

namespace Bulwark.Engagement.Reach;

public sealed partial class ReachTable
{
    /// <summary>
    /// The store keys of reach-table bins. A table's key is the SHA-256 of the canonical description
    /// (<see cref="CanonicalDescription"/>) of its interceptor (every stage, drag table and limit), its site and its options
    /// (the world they are flown in included; the thread count, which does not change a table, left out), and of the code:
    /// the module version id of this assembly, which changes with any change to the code that is built. A bin's key adds
    /// its index.
    /// </summary>
    public static class StoreKeys
    {
        /// <summary>The kind (store folder) reach-table bins are kept under.</summary>
        public const string Kind = "reach";

        /// <summary>The layout of a stored bin (bumped when <see cref="Node"/> or the payload changes).</summary>
        public const int Format = 1;

        /// <summary>The canonical description of a table (what its bins' keys are made from).</summary>
        public static string Table(Interceptor interceptor, Geodetic site, ReachTableOptions options) =>
            $"bulwark reach table; format {Format}; code {typeof(ReachTable).Module.ModuleVersionId:N}; "
            + CanonicalDescription.Of((interceptor.FlyOutKey, site, options with { MaxDegreeOfParallelism = -1 }));

        /// <summary>The key of bin <paramref name="bin"/> of the table described by <paramref name="table"/>.</summary>
        public static string Bin(string table, int bin) => DiskStore.KeyOf($"{table}; bin {bin}");
    }

    /// <summary>One bin as stored: its grid, columns and the samples it was built from.</summary>
    private sealed record BinGrid(Node[] Grid, int Columns, long Samples);

    /// <summary>A table's bins in a <see cref="DiskStore"/>.</summary>
    private sealed class StoredBins(DiskStore store, string table)
    {
        /// <summary>Bin <paramref name="bin"/> from the store if it holds a sound copy, else built and written.</summary>
        public (Node[] Grid, int Columns, long Samples) GetOrBuild(int bin, int rows, Func<(Node[] Grid, int Columns, long Samples)> build)
        {
            BinGrid g = store.GetOrAdd(StoreKeys.Kind, StoreKeys.Bin(table, bin),
                () =>
                {
                    var (grid, columns, samples) = build();
                    return new BinGrid(grid, columns, samples);
                },
                Encode,
                payload => Decode(payload, rows));
            return (g.Grid, g.Columns, g.Samples);
        }

        // Payload: columns (int32), samples (int64), nodes (int32), then the nodes as they lie in memory (little-endian),
        // deflated (zlib, fastest: a third to a fifth of the size, the unreached nodes being runs of zeros and +∞).
        private static byte[] Encode(BinGrid g)
        {
            using var buffer = new MemoryStream();
            Span<byte> head = stackalloc byte[16];
            BitConverter.TryWriteBytes(head[..4], g.Columns);
            BitConverter.TryWriteBytes(head.Slice(4, 8), g.Samples);
            BitConverter.TryWriteBytes(head.Slice(12, 4), g.Grid.Length);
            buffer.Write(head);
            using (var z = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(MemoryMarshal.AsBytes(g.Grid.AsSpan()));
            }

            return buffer.ToArray();
        }

        private static BinGrid Decode(byte[] payload, int rows)
        {
            if (!BitConverter.IsLittleEndian || payload.Length < 16)
            {
                throw new InvalidDataException("a stored reach-table bin is too short");
            }

            int columns = BitConverter.ToInt32(payload, 0), count = BitConverter.ToInt32(payload, 12);
            long samples = BitConverter.ToInt64(payload, 4);
            if (columns < 0 || count != (long)columns * rows || samples < 0)
            {
                throw new InvalidDataException("a stored reach-table bin does not have the table's shape");
            }

            var grid = new Node[count];
            Span<byte> bytes = MemoryMarshal.AsBytes(grid.AsSpan());
            using var z = new ZLibStream(new MemoryStream(payload, 16, payload.Length - 16), CompressionMode.Decompress);
            z.ReadExactly(bytes);
            if (z.ReadByte() != -1)
            {
                throw new InvalidDataException("a stored reach-table bin is longer than its shape");
            }

            return new BinGrid(grid, columns, samples);
        }
    }
}
