using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Security.Cryptography;
using IODirectory = System.IO.Directory;

namespace Bulwark.Caching;

/// <summary>
/// A persistent, content-addressed store of byte blobs in a folder (docs/cache.md): one file per entry at
/// <c>DIR/KIND/KEY.bin</c>, where the key is the SHA-256 of everything that shapes the content
/// (<see cref="KeyOf(string)"/>). Written atomically (a flushed temporary file renamed over the entry), checked on read
/// (header, length and SHA-256: a corrupt or truncated file is deleted and reported as a miss, never returned), safe
/// with several threads and processes at once, and bounded: after each write the least recently used entries go until
/// the files fit in <see cref="MaxBytes"/>.
/// </summary>
public sealed class DiskStore
{
    /// <summary>The bound when none is given: 2 GiB.</summary>
    public const long DefaultMaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>How old a writer's temporary file must be before a sweep takes it for a killed writer's and removes it.</summary>
    public static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    // In-flight GetOrAdd calls by entry path, shared by every store of the process, so that each entry is built once
    // even when several threads (or several stores on one folder) ask for it at once.
    private static readonly ConcurrentDictionary<string, Lazy<object>> InFlight = new(StringComparer.Ordinal);

    private static readonly EnumerationOptions ScanOptions = new()
    {
        // Unix calls dot-files hidden, and the temporary files start with a dot: skip nothing.
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
    };

    private readonly TimeProvider _clock;
    private long _hits;
    private long _misses;
    private long _writes;
    private long _rejected;
    private long _evicted;
    private long _writeFailures;

    /// <param name="directory">the store's folder (made on the first write; relative paths are taken from the working folder)</param>
    /// <param name="maxBytes">the bound on the entries' files, bytes, at least 1</param>
    /// <param name="clock">the time used for recency and for the age of temporary files (null: the system's)</param>
    public DiskStore(string directory, long maxBytes = DefaultMaxBytes, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        Directory = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The store's folder, absolute.</summary>
    public string Directory { get; }

    /// <summary>The bound on the entries' files, bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Reads that returned an entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Reads that found no usable entry (absent or rejected).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries written.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Files found corrupt (truncated, altered, another format, or content the caller could not read) and deleted.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Entries removed to keep within <see cref="MaxBytes"/>.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary><see cref="GetOrAdd{T}"/> writes that failed (a full disk, a read-only folder); the value was still returned.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>
    /// The user's store: in <see cref="DefaultDirectory()"/>, bounded by <c>BULWARK_CACHE_MAX_MB</c> MiB if set, else
    /// <see cref="DefaultMaxBytes"/>. It ignores <c>BULWARK_CACHE</c>; analyses use <see cref="FromEnvironment()"/>.
    /// </summary>
    /// <exception cref="InputException"><c>BULWARK_CACHE_MAX_MB</c> is not a whole number of MiB</exception>
    public static DiskStore Default() => Default(StoreEnvironment.Process);

    /// <summary><see cref="Default()"/> with the variables read through <paramref name="environment"/>.</summary>
    public static DiskStore Default(Func<string, string?> environment) =>
        new(StoreEnvironment.Directory(environment), StoreEnvironment.MaxBytes(environment));

    /// <summary>
    /// The user's store folder: <c>$BULWARK_CACHE_DIR</c> if set, else <c>$XDG_CACHE_HOME/bulwark</c> (when absolute),
    /// else <c>~/.cache/bulwark</c>.
    /// </summary>
    public static string DefaultDirectory() => StoreEnvironment.Directory(StoreEnvironment.Process);

    /// <summary><see cref="DefaultDirectory()"/> with the variables read through <paramref name="environment"/>.</summary>
    public static string DefaultDirectory(Func<string, string?> environment) => StoreEnvironment.Directory(environment);

    /// <summary>
    /// The store analyses should use: <see cref="Default()"/>, or null when <c>BULWARK_CACHE</c> is <c>off</c> (or 0,
    /// false), in which case callers build everything and store nothing.
    /// </summary>
    /// <exception cref="InputException">a variable has a value that means nothing</exception>
    public static DiskStore? FromEnvironment() => FromEnvironment(StoreEnvironment.Process);

    /// <summary><see cref="FromEnvironment()"/> with the variables read through <paramref name="environment"/>.</summary>
    public static DiskStore? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return StoreEnvironment.Enabled(environment) ? Default(environment) : null;
    }

    /// <summary>The key of a canonical description of an entry's content: its SHA-256 in lowercase hex.</summary>
    public static string KeyOf(ReadOnlySpan<byte> canonicalDescription) => StoreNames.KeyOf(canonicalDescription);

    /// <summary>The key of a canonical text description (its UTF-8 bytes).</summary>
    public static string KeyOf(string canonicalDescription) => StoreNames.KeyOf(canonicalDescription);

    /// <summary>True for a kind the store accepts: 1 to 64 characters of [a-z0-9-].</summary>
    public static bool IsValidKind(string? kind) => StoreNames.IsValidKind(kind);

    /// <summary>True for a key the store accepts: 64 lowercase hex digits.</summary>
    public static bool IsValidKey(string? key) => StoreNames.IsValidKey(key);

    /// <summary>
    /// The entry's payload, if there is a sound one; a hit marks it recently used. A file that fails any check is
    /// deleted (best effort) and counts as <see cref="Rejected"/>; nothing here throws for a file's content or for I/O.
    /// </summary>
    /// <exception cref="ArgumentException">the kind or key is not one the store accepts</exception>
    public bool TryRead(string kind, string key, out byte[] payload)
    {
        string path = EntryPath(kind, key);
        switch (ReadVerified(path, key, out payload))
        {
            case ReadOutcome.Sound:
                Interlocked.Increment(ref _hits);
                Touch(path);
                return true;
            case ReadOutcome.Corrupt:
                Reject(path);
                break;
        }

        Interlocked.Increment(ref _misses);
        payload = [];
        return false;
    }

    /// <summary>
    /// Writes the entry atomically: a temporary file in the same folder, flushed to disk, renamed over the entry (a
    /// reader sees the old version or the new, never part of one). Several writers of one key at once all succeed, and
    /// the entry left is one of their complete files. Then the least recently used entries go until the files fit in
    /// <see cref="MaxBytes"/> (never this one), and temporary files older than <see cref="StaleTempAge"/> are removed.
    /// </summary>
    /// <exception cref="ArgumentException">the kind or key is not one the store accepts</exception>
    /// <exception cref="IOException">the file could not be written (a full disk, …)</exception>
    /// <exception cref="UnauthorizedAccessException">the folder cannot be written</exception>
    public void Write(string kind, string key, ReadOnlySpan<byte> payload)
    {
        string path = EntryPath(kind, key);
        string folder = Path.GetDirectoryName(path)!;
        IODirectory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $"{StoreNames.TempPrefix}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
        Span<byte> header = stackalloc byte[StoreFormat.HeaderLength];
        StoreFormat.WriteHeader(header, key, payload.Length);
        byte[] checksum = StoreFormat.Checksum(header, payload);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(header);
                stream.Write(payload);
                stream.Write(checksum);
                stream.Flush(flushToDisk: true);
            }

            // The rename keeps the time, so the entry appears already stamped with its recency.
            File.SetLastWriteTimeUtc(temp, Now);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        Interlocked.Increment(ref _writes);
        Sweep(keep: path);
    }

    /// <summary>
    /// The entry's value: read and <paramref name="deserialize"/>d if sound, else <paramref name="build"/>t,
    /// <paramref name="serialize"/>d and written. A <paramref name="deserialize"/> that returns null or throws
    /// <see cref="FormatException"/>, <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> rejects
    /// the file, which is deleted and rebuilt. In one process, concurrent calls for one entry build it once (the others
    /// wait); across processes each may build it, and each writes a complete file. A failed write (a full disk) is
    /// counted in <see cref="WriteFailures"/> and the built value returned. One kind and key must name one type.
    /// </summary>
    /// <exception cref="ArgumentException">the kind or key is not one the store accepts</exception>
    public T GetOrAdd<T>(string kind, string key, Func<T> build, Func<T, byte[]> serialize, Func<byte[], T?> deserialize)
        where T : class
    {
        string path = EntryPath(kind, key);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(serialize);
        ArgumentNullException.ThrowIfNull(deserialize);
        var lazy = InFlight.GetOrAdd(path, _ => new Lazy<object>(() => Load(kind, key, path, build, serialize, deserialize), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        finally
        {
            // Later calls read the file written; a build that threw is tried afresh.
            InFlight.TryRemove(new KeyValuePair<string, Lazy<object>>(path, lazy));
        }
    }

    /// <summary>What the store holds now (entries of every kind, or none if the folder does not exist).</summary>
    public StoreUsage Usage()
    {
        var files = Scan();
        var entries = files.Where(f => !f.IsTemp).ToList();
        var kinds = entries.GroupBy(f => f.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KindUsage(g.Key, g.Count(), g.Sum(f => f.Bytes))).ToList();
        return new StoreUsage(Directory, entries.Count, entries.Sum(f => f.Bytes), MaxBytes, kinds, files.Count(f => f.IsTemp));
    }

    /// <summary>
    /// Deletes every entry (of <paramref name="kind"/>, or all kinds) and the stale temporary files, leaving live
    /// writers' temporary files alone; files that are not the store's are never touched. The number of entries removed.
    /// </summary>
    /// <exception cref="ArgumentException">the kind is not one the store accepts</exception>
    public int Clear(string? kind = null)
    {
        if (kind is not null)
        {
            StoreNames.CheckKind(kind);
        }

        int removed = 0;
        DateTime now = Now;
        foreach (StoreFile f in Scan())
        {
            if (kind is not null && f.Kind != kind)
            {
                continue;
            }

            if (!f.IsTemp)
            {
                removed += TryDelete(f.Path) ? 1 : 0;
            }
            else if (now - f.LastWriteUtc > StaleTempAge)
            {
                TryDelete(f.Path);
            }
        }

        return removed;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private string EntryPath(string kind, string key)
    {
        StoreNames.CheckKind(kind);
        StoreNames.CheckKey(key);
        return Path.Combine(Directory, kind, key + StoreNames.EntrySuffix);
    }

    private T Load<T>(string kind, string key, string path, Func<T> build, Func<T, byte[]> serialize, Func<byte[], T?> deserialize)
        where T : class
    {
        ReadOutcome outcome = ReadVerified(path, key, out byte[] payload);
        if (outcome == ReadOutcome.Sound)
        {
            T? value;
            try
            {
                value = deserialize(payload);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException)
            {
                value = null;
            }

            if (value is not null)
            {
                Interlocked.Increment(ref _hits);
                Touch(path);
                return value;
            }

            outcome = ReadOutcome.Corrupt;
        }

        if (outcome == ReadOutcome.Corrupt)
        {
            Reject(path);
        }

        Interlocked.Increment(ref _misses);
        T built = build();
        try
        {
            Write(kind, key, serialize(built));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _writeFailures);
        }

        return built;
    }

    /// <summary>Reads and checks one file; never throws for its content or for I/O.</summary>
    private static ReadOutcome ReadVerified(string path, string key, out byte[] payload)
    {
        payload = [];
        try
        {
            // Delete and ReadWrite sharing: a writer may rename over the file, or a sweep delete it, while it is read;
            // this read goes on with the version it opened.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            long length = stream.Length;
            if (length < StoreFormat.Overhead)
            {
                return ReadOutcome.Corrupt;
            }

            Span<byte> header = stackalloc byte[StoreFormat.HeaderLength];
            stream.ReadExactly(header);
            long payloadLength = StoreFormat.PayloadLength(header, key);
            if (payloadLength < 0 || payloadLength != length - StoreFormat.Overhead)
            {
                return ReadOutcome.Corrupt;
            }

            byte[] data = GC.AllocateUninitializedArray<byte>((int)payloadLength);
            stream.ReadExactly(data);
            Span<byte> checksum = stackalloc byte[StoreFormat.ChecksumLength];
            stream.ReadExactly(checksum);
            if (!CryptographicOperations.FixedTimeEquals(checksum, StoreFormat.Checksum(header, data)))
            {
                return ReadOutcome.Corrupt;
            }

            payload = data;
            return ReadOutcome.Sound;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ReadOutcome.Absent;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // EndOfStreamException (a file cut short while it was read) among them.
            return ReadOutcome.Corrupt;
        }
    }

    private void Reject(string path)
    {
        Interlocked.Increment(ref _rejected);
        TryDelete(path);
    }

    /// <summary>Marks an entry recently used; a file renamed over or deleted meanwhile, or a read-only folder, is no matter.</summary>
    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, Now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Evicts the least recently used entries until the files fit in <see cref="MaxBytes"/>, keeping <paramref name="keep"/>; removes stale temporary files.</summary>
    private void Sweep(string keep)
    {
        try
        {
            DateTime now = Now;
            var entries = new List<StoreFile>();
            long total = 0;
            foreach (StoreFile f in Scan())
            {
                if (f.IsTemp)
                {
                    if (now - f.LastWriteUtc > StaleTempAge)
                    {
                        TryDelete(f.Path);
                    }
                }
                else
                {
                    entries.Add(f);
                    total += f.Bytes;
                }
            }

            if (total <= MaxBytes)
            {
                return;
            }

            foreach (StoreFile f in entries.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                if (total <= MaxBytes)
                {
                    break;
                }

                if (f.Path == keep)
                {
                    continue;
                }

                // A file another process removed first counts as gone all the same.
                if (TryDelete(f.Path))
                {
                    Interlocked.Increment(ref _evicted);
                }

                total -= f.Bytes;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next write sweeps again.
        }
    }

    /// <summary>The store's files: entries and temporary files in the kinds' folders; anything else is not the store's.</summary>
    private List<StoreFile> Scan()
    {
        var files = new List<StoreFile>();
        if (!IODirectory.Exists(Directory))
        {
            return files;
        }

        foreach (string folder in IODirectory.EnumerateDirectories(Directory, "*", ScanOptions))
        {
            string kind = Path.GetFileName(folder);
            if (!StoreNames.IsValidKind(kind))
            {
                continue;
            }

            try
            {
                var enumeration = new FileSystemEnumerable<StoreFile?>(folder, (ref FileSystemEntry e) => Describe(kind, ref e), ScanOptions)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
                };
                files.AddRange(enumeration.OfType<StoreFile>());
            }
            catch (DirectoryNotFoundException)
            {
                // Removed while it was listed.
            }
        }

        return files;
    }

    private static StoreFile? Describe(string kind, ref FileSystemEntry e)
    {
        ReadOnlySpan<char> name = e.FileName;
        bool temp = name.StartsWith(StoreNames.TempPrefix, StringComparison.Ordinal);
        if (!temp && StoreNames.KeyOfEntryFile(name.ToString()) is null)
        {
            return null;
        }

        return new StoreFile(kind, e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime, temp);
    }

    /// <summary>Deletes a file if it is there; false if it could not be deleted.</summary>
    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private enum ReadOutcome
    {
        Absent,
        Sound,
        Corrupt,
    }

    private sealed record StoreFile(string Kind, string Path, long Bytes, DateTime LastWriteUtc, bool IsTemp);
}
