using System.Security.Cryptography;
using System.Text;

namespace Bulwark.Caching;

/// <summary>
/// The names a <see cref="DiskStore"/> accepts and the file names it gives them. A kind is a folder name of lowercase
/// letters, digits and '-'; a key is a lowercase hex SHA-256 (64 characters). Nothing else reaches the file system, so
/// no name can climb out of the store's folder.
/// </summary>
internal static class StoreNames
{
    /// <summary>The longest kind accepted (a folder name, well inside every file system's limit).</summary>
    public const int MaxKindLength = 64;

    /// <summary>Characters of a key: SHA-256's 32 bytes in hex.</summary>
    public const int KeyLength = 64;

    /// <summary>What an entry's file name ends with after its key.</summary>
    public const string EntrySuffix = ".bin";

    /// <summary>What a writer's temporary file name starts with; never read as an entry.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>True for 1 to <see cref="MaxKindLength"/> characters of [a-z0-9-].</summary>
    public static bool IsValidKind(string? kind) =>
        kind is { Length: > 0 and <= MaxKindLength } && kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>True for exactly <see cref="KeyLength"/> lowercase hex digits.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static void CheckKind(string kind)
    {
        if (!IsValidKind(kind))
        {
            throw new ArgumentException($"'{kind}' is not a store kind; expected 1 to {MaxKindLength} lowercase letters, digits or '-'", nameof(kind));
        }
    }

    public static void CheckKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"'{key}' is not a store key; expected {KeyLength} lowercase hex digits (a SHA-256, DiskStore.KeyOf)", nameof(key));
        }
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="canonicalDescription"/>.</summary>
    public static string KeyOf(ReadOnlySpan<byte> canonicalDescription) => Convert.ToHexStringLower(SHA256.HashData(canonicalDescription));

    /// <summary>The key of a text description (its UTF-8 bytes).</summary>
    public static string KeyOf(string canonicalDescription)
    {
        ArgumentNullException.ThrowIfNull(canonicalDescription);
        return KeyOf(Encoding.UTF8.GetBytes(canonicalDescription));
    }

    /// <summary>The key an entry's file name holds, or null when the name is not an entry's (a temporary file, anything else).</summary>
    public static string? KeyOfEntryFile(string fileName) =>
        fileName.Length == KeyLength + EntrySuffix.Length && fileName.EndsWith(EntrySuffix, StringComparison.Ordinal) &&
        IsValidKey(fileName[..KeyLength]) ? fileName[..KeyLength] : null;
}
