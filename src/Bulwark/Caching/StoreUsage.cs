namespace Bulwark.Caching;

/// <summary>What a <see cref="DiskStore"/> holds now: its folder, entries and their bytes (files, headers included), its bound, and per kind.</summary>
/// <param name="Directory">the store's folder (absolute)</param>
/// <param name="Entries">entry files, every kind</param>
/// <param name="Bytes">their size on disk, bytes</param>
/// <param name="MaxBytes">the bound the least recently used entries are evicted to keep under, bytes</param>
/// <param name="Kinds">per kind, ordered by kind; kinds with no entries are left out</param>
/// <param name="TempFiles">temporary files of writers (live, or killed and not yet swept)</param>
public sealed record StoreUsage(string Directory, int Entries, long Bytes, long MaxBytes, IReadOnlyList<KindUsage> Kinds, int TempFiles);

/// <summary>The entries of one kind (<c>reach</c>, …) and their size on disk, bytes.</summary>
public sealed record KindUsage(string Kind, int Entries, long Bytes);
