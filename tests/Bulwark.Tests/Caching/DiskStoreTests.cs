using System.Text;
using Bulwark.Caching;

namespace Bulwark.Tests.Caching;

/// <summary>
/// <see cref="DiskStore"/> on real files in a temporary folder (issue 15 item 2's acceptance, storage half): an entry is
/// read back as written; a truncated or altered file, a killed writer's leftovers or a file of another key are never
/// returned, are deleted, and <see cref="DiskStore.GetOrAdd{T}"/> rebuilds them; the least recently used entries go
/// first; concurrent builders in one process build once, and concurrent writers and readers of one key on separate stores
/// only ever see one complete version.
/// </summary>
public sealed class DiskStoreTests(ITestOutputHelper output) : IDisposable
{
    private const string Kind = "reach";
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulwark-store-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(3_000_000)]
    public void AnEntryIsReadBackAsWritten(int length)
    {
        var store = new DiskStore(_root);
        byte[] payload = Payload(length, seed: length);
        string key = DiskStore.KeyOf($"table {length}");
        Assert.False(store.TryRead(Kind, key, out _));
        store.Write(Kind, key, payload);
        Assert.True(store.TryRead(Kind, key, out byte[] read));
        Assert.Equal(payload, read);
        Assert.True(new DiskStore(_root).TryRead(Kind, key, out byte[] again), "a second store on the folder (another process) reads it");
        Assert.Equal(payload, again);
        Assert.Equal((1, 1, 1, 0), (store.Hits, store.Misses, store.Writes, store.Rejected));
        Assert.Equal(["reach"], Directory.GetDirectories(_root).Select(Path.GetFileName));
        Assert.Equal([key + ".bin"], Directory.GetFiles(Path.Combine(_root, Kind)).Select(Path.GetFileName));
    }

    [Fact]
    public void AWriteReplacesTheEntry()
    {
        var store = new DiskStore(_root);
        string key = DiskStore.KeyOf("k");
        store.Write(Kind, key, Payload(500, 1));
        store.Write(Kind, key, Payload(70, 2));
        Assert.True(store.TryRead(Kind, key, out byte[] read));
        Assert.Equal(Payload(70, 2), read);
    }

    /// <summary>Cut anywhere (in the header, the payload, the checksum, or to nothing), the file is refused, deleted and rebuilt.</summary>
    [Fact]
    public void ATruncatedFileIsRejectedDeletedAndRebuilt()
    {
        byte[] payload = Payload(4096, 7);
        string key = DiskStore.KeyOf("truncated");
        var writer = new DiskStore(_root);
        writer.Write(Kind, key, payload);
        string path = EntryPath(key);
        byte[] whole = File.ReadAllBytes(path);
        int[] cuts = [0, 1, 7, 8, 20, 51, 52, 53, 52 + 2048, 52 + 4096, whole.Length - 1];
        foreach (int cut in cuts)
        {
            File.WriteAllBytes(path, whole[..cut]);
            var store = new DiskStore(_root);
            Assert.False(store.TryRead(Kind, key, out byte[] read), $"cut to {cut} bytes: read back");
            Assert.Empty(read);
            Assert.False(File.Exists(path), $"cut to {cut} bytes: the file was kept");
            Assert.Equal((1, 1), (store.Rejected, store.Misses));

            File.WriteAllBytes(path, whole[..cut]);
            int builds = 0;
            byte[] got = store.GetOrAdd(Kind, key, () => { builds++; return payload; }, p => p, p => p);
            Assert.Equal(payload, got);
            Assert.Equal(1, builds);
            Assert.Equal(2, store.Rejected);
            Assert.Equal(File.ReadAllBytes(path), whole);
        }
    }

    /// <summary>One byte flipped in each field of the file (docs/cache.md "File format") is caught.</summary>
    [Theory]
    [InlineData(0, "magic")]
    [InlineData(7, "magic")]
    [InlineData(8, "format version")]
    [InlineData(12, "payload length")]
    [InlineData(19, "payload length, high byte")]
    [InlineData(20, "key")]
    [InlineData(51, "key")]
    [InlineData(52, "payload, first byte")]
    [InlineData(52 + 500, "payload")]
    [InlineData(52 + 999, "payload, last byte")]
    [InlineData(52 + 1000, "checksum")]
    [InlineData(52 + 1000 + 31, "checksum, last byte")]
    public void AFlippedByteIsRejected(int offset, string field)
    {
        var store = new DiskStore(_root);
        string key = DiskStore.KeyOf("flipped");
        store.Write(Kind, key, Payload(1000, 3));
        string path = EntryPath(key);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(52 + 1000 + 32, bytes.Length);
        bytes[offset] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        Assert.False(store.TryRead(Kind, key, out _), $"a flipped byte in the {field} was not caught");
        Assert.False(File.Exists(path));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void AFileUnderAnotherKeysNameIsRejected()
    {
        var store = new DiskStore(_root);
        string a = DiskStore.KeyOf("a"), b = DiskStore.KeyOf("b");
        store.Write(Kind, a, Payload(100, 1));
        File.Copy(EntryPath(a), EntryPath(b));
        Assert.False(store.TryRead(Kind, b, out _));
        Assert.True(store.TryRead(Kind, a, out _));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void ContentTheCallerCannotReadIsRejectedAndRebuilt()
    {
        var store = new DiskStore(_root);
        string key = DiskStore.KeyOf("old layout");
        store.Write(Kind, key, "v0"u8);
        int builds = 0;
        string Build()
        {
            builds++;
            return "v1";
        }

        Assert.Equal("v1", store.GetOrAdd(Kind, key, Build, Encoding.UTF8.GetBytes, p => Encoding.UTF8.GetString(p) == "v1" ? "v1" : throw new InvalidDataException("old")));
        store.Write(Kind, key, "v0"u8);
        Assert.Equal("v1", store.GetOrAdd(Kind, key, Build, Encoding.UTF8.GetBytes, p => Encoding.UTF8.GetString(p) == "v1" ? "v1" : null));
        Assert.Equal(2, builds);
        Assert.Equal(2, store.Rejected);
        Assert.Equal("v1", store.GetOrAdd(Kind, key, Build, Encoding.UTF8.GetBytes, p => Encoding.UTF8.GetString(p) == "v1" ? "v1" : null));
        Assert.Equal(2, builds);
        Assert.Equal(1, store.Hits);
    }

    [Fact]
    public void ABuildThatThrowsStoresNothingAndIsTriedAgain()
    {
        var store = new DiskStore(_root);
        string key = DiskStore.KeyOf("throws");
        Assert.Throws<InvalidOperationException>(() => store.GetOrAdd<byte[]>(Kind, key, () => throw new InvalidOperationException("no"), p => p, p => p));
        Assert.False(File.Exists(EntryPath(key)));
        Assert.Equal([1, 2], store.GetOrAdd(Kind, key, () => new byte[] { 1, 2 }, p => p, p => p));
    }

    /// <summary>
    /// A writer killed mid-write leaves a partial temporary file (and, were the rename not atomic, a partial entry):
    /// neither is ever read back, the entry is rebuilt, and a sweep removes the temporary file once it is stale, while a
    /// live writer's fresh temporary file is left alone.
    /// </summary>
    [Fact]
    public void AKilledWritersLeftoversAreNeverReadAndAreSwept()
    {
        var clock = new ManualClock(T0);
        var store = new DiskStore(_root, clock: clock);
        string key = DiskStore.KeyOf("killed");
        byte[] payload = Payload(10_000, 5);

        // What a complete write would leave, to cut pieces of.
        var scratch = new DiskStore(Path.Combine(_root, "scratch"));
        scratch.Write(Kind, key, payload);
        byte[] whole = File.ReadAllBytes(Path.Combine(scratch.Directory, Kind, key + ".bin"));

        string folder = Path.Combine(_root, Kind);
        Directory.CreateDirectory(folder);
        string deadTemp = Path.Combine(folder, ".tmp-99999-00000000deadbeef");
        File.WriteAllBytes(deadTemp, whole[..(whole.Length / 2)]);
        File.SetLastWriteTimeUtc(deadTemp, T0.UtcDateTime);
        File.WriteAllBytes(EntryPath(key), whole[..(whole.Length - 40)]);

        Assert.False(store.TryRead(Kind, key, out _));
        Assert.Equal(1, store.Rejected);
        Assert.Equal((0, 1), (store.Usage().Entries, store.Usage().TempFiles));

        // Half an hour later the temporary file might still be a live writer's: a write keeps it.
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(payload, store.GetOrAdd(Kind, key, () => payload, p => p, p => p));
        Assert.True(File.Exists(deadTemp));

        // Past DiskStore.StaleTempAge it is a killed writer's: the next write removes it; Clear too.
        clock.Advance(TimeSpan.FromMinutes(31));
        string liveTemp = Path.Combine(folder, ".tmp-99998-00000000cafef00d");
        File.WriteAllBytes(liveTemp, whole[..100]);
        File.SetLastWriteTimeUtc(liveTemp, clock.Now.UtcDateTime);
        store.Write(Kind, DiskStore.KeyOf("another"), Payload(10, 1));
        Assert.False(File.Exists(deadTemp));
        Assert.True(File.Exists(liveTemp));
        Assert.Equal(2, store.Clear());
        Assert.True(File.Exists(liveTemp));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, store.Clear());
        Assert.False(File.Exists(liveTemp));
    }

    /// <summary>Three entries fit the bound; a fourth evicts the least recently used (written or read), never the one just written.</summary>
    [Fact]
    public void TheLeastRecentlyUsedEntryGoesFirst()
    {
        var clock = new ManualClock(T0);
        const int payloadBytes = 1000;
        long fileBytes = payloadBytes + 84;
        var store = new DiskStore(_root, maxBytes: 3 * fileBytes + 10, clock);
        string[] keys = [.. "abcdef".Select(c => DiskStore.KeyOf(c.ToString()))];
        for (int i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            store.Write(Kind, keys[i], Payload(payloadBytes, i));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(store.TryRead(Kind, keys[0], out _)); // a is now more recent than b and c
        clock.Advance(TimeSpan.FromSeconds(1));
        store.Write(Kind, keys[3], Payload(payloadBytes, 3));
        Assert.Equal([true, false, true, true], keys[..4].Select(k => File.Exists(EntryPath(k))));
        Assert.Equal(1, store.Evicted);

        clock.Advance(TimeSpan.FromSeconds(1));
        store.Write(Kind, keys[4], Payload(payloadBytes, 4));
        Assert.Equal([true, false, false, true, true], keys[..5].Select(k => File.Exists(EntryPath(k))));
        Assert.True(store.Usage().Bytes <= store.MaxBytes);

        // One entry larger than the whole bound evicts all the others and stays.
        clock.Advance(TimeSpan.FromSeconds(1));
        store.Write(Kind, keys[5], Payload(5 * payloadBytes, 5));
        Assert.Equal([false, false, false, false, false, true], keys.Select(k => File.Exists(EntryPath(k))));
        Assert.True(store.TryRead(Kind, keys[5], out _));
    }

    [Fact]
    public void ConcurrentGetOrAddInOneProcessBuildsOnce()
    {
        string key = DiskStore.KeyOf("concurrent");
        byte[] payload = Payload(200_000, 9);
        int builds = 0;
        const int threads = 12;
        using var start = new Barrier(threads);
        var stores = Enumerable.Range(0, threads).Select(i => i % 2 == 0 ? new DiskStore(_root) : null).ToArray();
        var shared = new DiskStore(_root);
        var results = new byte[threads][];
        RunThreads(threads, i =>
        {
            start.SignalAndWait();
            // Half share one store, half have their own on the same folder: the in-flight builds are the process's.
            DiskStore store = stores[i] ?? shared;
            results[i] = store.GetOrAdd(Kind, key, () =>
            {
                Interlocked.Increment(ref builds);
                Thread.Sleep(200);
                return payload;
            }, p => p, p => p);
        });
        Assert.Equal(1, builds);
        Assert.All(results, r => Assert.Equal(payload, r));
        Assert.Equal(1, stores.OfType<DiskStore>().Append(shared).Sum(s => s.Writes));
    }

    /// <summary>
    /// Writers and readers of one key at once, each with its own store on the folder (as separate processes would be):
    /// every write succeeds, every read that hits gets one writer's complete payload, nothing is ever rejected, and what
    /// is left is one complete version with no temporary file.
    /// </summary>
    [Fact]
    public void ConcurrentWritersAndReadersOfOneKeySeeOnlyCompleteVersions()
    {
        string key = DiskStore.KeyOf("contended");
        const int writers = 4, readers = 4, rounds = 60;
        int hits = 0, reads = 0, writersDone = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(writers + readers);
        var stores = Enumerable.Range(0, writers + readers).Select(_ => new DiskStore(_root)).ToArray();
        RunThreads(writers + readers, i =>
        {
            start.SignalAndWait();
            if (i < writers)
            {
                try
                {
                    for (int round = 0; round < rounds; round++)
                    {
                        stores[i].Write(Kind, key, Version(i, round));
                    }
                }
                finally
                {
                    // Even a writer that failed lets the readers stop.
                    Interlocked.Increment(ref writersDone);
                }

                return;
            }

            // Readers read until every writer is done.
            while (Volatile.Read(ref writersDone) < writers)
            {
                Interlocked.Increment(ref reads);
                if (stores[i].TryRead(Kind, key, out byte[] read))
                {
                    Interlocked.Increment(ref hits);
                    if (!IsVersion(read))
                    {
                        failures.Add($"reader {i}: {read.Length} bytes, not one writer's payload");
                    }
                }
            }
        });
        output.WriteLine($"{writers * rounds} writes, {reads} reads, {hits} hits");
        Assert.Empty(failures);
        Assert.Equal(0, stores.Sum(s => s.Rejected));
        Assert.Equal(writers * rounds, stores.Sum(s => s.Writes));
        Assert.True(new DiskStore(_root).TryRead(Kind, key, out byte[] last));
        Assert.True(IsVersion(last));
        Assert.Equal([key + ".bin"], Directory.GetFiles(Path.Combine(_root, Kind)).Select(Path.GetFileName));
        Assert.True(hits > 0, "no read overlapped the writes");

        // Writer w's round r: (w + 1) * 10,000 + r bytes, each the same value, so that a torn or mixed file shows.
        static byte[] Version(int writer, int round) => Enumerable.Repeat((byte)(writer * 61 + round), (writer + 1) * 10_000 + round).ToArray();

        static bool IsVersion(byte[] p) =>
            p.Length >= 10_000 && p.All(b => b == p[0]) && (p.Length / 10_000 - 1) is var w && w < writers &&
            p.Length % 10_000 is var r && (byte)(w * 61 + r) == p[0];
    }

    [Fact]
    public void UsageCountsEntriesPerKindAndIgnoresForeignFiles()
    {
        var store = new DiskStore(_root, maxBytes: 1 << 20);
        StoreUsage empty = store.Usage();
        Assert.Equal((_root, 0, 0L, 1L << 20, 0, 0), (empty.Directory, empty.Entries, empty.Bytes, empty.MaxBytes, empty.Kinds.Count, empty.TempFiles));
        store.Write("reach", DiskStore.KeyOf("1"), Payload(100, 1));
        store.Write("reach", DiskStore.KeyOf("2"), Payload(200, 2));
        store.Write("calibration", DiskStore.KeyOf("3"), Payload(300, 3));
        File.WriteAllText(Path.Combine(_root, "reach", "notes.txt"), "not the store's");
        File.WriteAllText(Path.Combine(_root, "README"), "not the store's");
        Directory.CreateDirectory(Path.Combine(_root, "Not A Kind"));
        File.WriteAllText(Path.Combine(_root, "Not A Kind", DiskStore.KeyOf("4") + ".bin"), "not the store's");

        StoreUsage usage = store.Usage();
        Assert.Equal(3, usage.Entries);
        Assert.Equal(600 + 3 * 84, usage.Bytes);
        Assert.Equal([new KindUsage("calibration", 1, 384), new KindUsage("reach", 2, 468)], usage.Kinds);

        Assert.Equal(2, store.Clear("reach"));
        Assert.Equal(1, store.Usage().Entries);
        Assert.Equal(1, store.Clear());
        Assert.Equal(0, store.Usage().Entries);
        Assert.True(File.Exists(Path.Combine(_root, "reach", "notes.txt")));
        Assert.True(File.Exists(Path.Combine(_root, "README")));
        Assert.True(File.Exists(Path.Combine(_root, "Not A Kind", DiskStore.KeyOf("4") + ".bin")));
    }

    [Fact]
    public void AStoreWhoseFolderDoesNotExistIsEmptyAndMakesNothingUntilWritten()
    {
        var store = new DiskStore(Path.Combine(_root, "not", "yet"));
        Assert.Equal(0, store.Usage().Entries);
        Assert.Equal(0, store.Clear());
        Assert.False(store.TryRead(Kind, DiskStore.KeyOf("x"), out _));
        Assert.False(Directory.Exists(_root));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("Reach")]
    [InlineData("")]
    [InlineData("reach table")]
    [InlineData(".tmp")]
    public void AKindThatIsNotAPlainFolderNameIsRefused(string kind)
    {
        var store = new DiskStore(_root);
        string key = DiskStore.KeyOf("x");
        Assert.False(DiskStore.IsValidKind(kind));
        Assert.Throws<ArgumentException>(() => store.TryRead(kind, key, out _));
        Assert.Throws<ArgumentException>(() => store.Write(kind, key, [1]));
        Assert.Throws<ArgumentException>(() => store.Clear(kind));
        Assert.False(Directory.Exists(_root));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("../../../../../../../../../../../../../../../../../../../../etc/passwd")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adz")]
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void AKeyThatIsNotALowercaseSha256IsRefused(string key)
    {
        var store = new DiskStore(_root);
        Assert.False(DiskStore.IsValidKey(key));
        Assert.Throws<ArgumentException>(() => store.TryRead(Kind, key, out _));
        Assert.Throws<ArgumentException>(() => store.Write(Kind, key, [1]));
        Assert.Throws<ArgumentException>(() => store.GetOrAdd(Kind, key, () => new byte[1], p => p, p => p));
    }

    /// <summary>FIPS 180-2, appendix B.1: SHA-256("abc").</summary>
    [Fact]
    public void AKeyIsTheSha256OfTheDescription()
    {
        const string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Assert.Equal(abc, DiskStore.KeyOf("abc"));
        Assert.Equal(abc, DiskStore.KeyOf("abc"u8));
        Assert.True(DiskStore.IsValidKey(abc));
    }

    [Fact]
    public void TheFolderComesFromBulwarkCacheDirThenXdgThenHome()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".cache", "bulwark"), DiskStore.DefaultDirectory(Env()));
        Assert.Equal(Path.Combine(home, ".cache", "bulwark"), DiskStore.DefaultDirectory(Env(("XDG_CACHE_HOME", "relative/ignored"))));
        Assert.Equal(Path.Combine("/xdg", "bulwark"), DiskStore.DefaultDirectory(Env(("XDG_CACHE_HOME", "/xdg"))));
        Assert.Equal("/mine", DiskStore.DefaultDirectory(Env(("XDG_CACHE_HOME", "/xdg"), ("BULWARK_CACHE_DIR", "/mine"))));
        Assert.Equal(Path.GetFullPath("rel"), DiskStore.DefaultDirectory(Env(("BULWARK_CACHE_DIR", "rel"))));
    }

    [Fact]
    public void TheEnvironmentSetsTheBoundAndCanTurnTheStoreOff()
    {
        Assert.Equal(DiskStore.DefaultMaxBytes, DiskStore.Default(Env(("BULWARK_CACHE_DIR", _root))).MaxBytes);
        Assert.Equal(2L * 1024 * 1024 * 1024, DiskStore.DefaultMaxBytes);
        Assert.Equal(300L << 20, DiskStore.Default(Env(("BULWARK_CACHE_DIR", _root), ("BULWARK_CACHE_MAX_MB", "300"))).MaxBytes);
        Assert.NotNull(DiskStore.FromEnvironment(Env(("BULWARK_CACHE_DIR", _root))));
        Assert.NotNull(DiskStore.FromEnvironment(Env(("BULWARK_CACHE_DIR", _root), ("BULWARK_CACHE", "on"))));
        Assert.Null(DiskStore.FromEnvironment(Env(("BULWARK_CACHE_DIR", _root), ("BULWARK_CACHE", "off"))));
        Assert.Null(DiskStore.FromEnvironment(Env(("BULWARK_CACHE", "0"))));
        foreach (string bad in new[] { "0", "-5", "1.5", "lots", "99999999999999999999" })
        {
            var e = Assert.Throws<InputException>(() => DiskStore.Default(Env(("BULWARK_CACHE_MAX_MB", bad))));
            Assert.Contains("BULWARK_CACHE_MAX_MB", e.Message);
        }

        Assert.Contains("BULWARK_CACHE", Assert.Throws<InputException>(() => DiskStore.FromEnvironment(Env(("BULWARK_CACHE", "maybe")))).Message);
    }

    /// <summary>Runs <paramref name="body"/> on that many dedicated threads (not the pool, which adds threads slowly on a small machine) and waits for them.</summary>
    private static void RunThreads(int count, Action<int> body)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (!errors.IsEmpty)
        {
            throw new AggregateException(errors);
        }
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private string EntryPath(string key) => Path.Combine(_root, Kind, key + ".bin");

    private static byte[] Payload(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
