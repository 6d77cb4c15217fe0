using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bulwark.Caching;

/// <summary>
/// The layout of one <see cref="DiskStore"/> entry file (docs/cache.md "File format"): a 52-byte header — the magic
/// <c>BWKSTORE</c>, the format version (uint32, little-endian), the payload's length in bytes (int64) and the entry's key
/// (the 32 bytes its file name spells in hex) — then the payload, then the SHA-256 of header and payload. A file whose
/// length, magic, version, key or checksum disagrees is not an entry.
/// </summary>
internal static class StoreFormat
{
    /// <summary>Bumped when the layout changes; a file of another version is rejected (and so rebuilt).</summary>
    public const uint Version = 1;

    public const int HeaderLength = 8 + 4 + 8 + 32;

    public const int ChecksumLength = 32;

    /// <summary>Bytes a file holds besides its payload.</summary>
    public const int Overhead = HeaderLength + ChecksumLength;

    private static ReadOnlySpan<byte> Magic => "BWKSTORE"u8;

    /// <summary>Writes the header of an entry with <paramref name="key"/> and a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static void WriteHeader(Span<byte> header, string key, long payloadLength)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], payloadLength);
        Convert.FromHexString(key, header[20..HeaderLength], out _, out _);
    }

    /// <summary>
    /// The payload length the header states if it is a header of this format for <paramref name="key"/>, else -1.
    /// </summary>
    public static long PayloadLength(ReadOnlySpan<byte> header, string key)
    {
        Span<byte> keyBytes = stackalloc byte[32];
        Convert.FromHexString(key, keyBytes, out _, out _);
        if (header.Length < HeaderLength || !header[..8].SequenceEqual(Magic) ||
            BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != Version || !header[20..HeaderLength].SequenceEqual(keyBytes))
        {
            return -1;
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        return length >= 0 && length <= Array.MaxLength ? length : -1;
    }

    /// <summary>The checksum of a header and its payload.</summary>
    public static byte[] Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header);
        hash.AppendData(payload);
        return hash.GetHashAndReset();
    }
}
