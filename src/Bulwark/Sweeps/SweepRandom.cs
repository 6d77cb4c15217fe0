namespace Bulwark.Sweeps;

/// <summary>
/// The sweeps' random numbers: xoshiro256** 1.0 seeded through SplitMix64, both by Blackman and Vigna (2018, public
/// domain, <c>prng.di.unimi.it</c>), written out here because <see cref="System.Random"/>'s sequence for a seed is not
/// promised to stay the same across .NET versions, and a sweep's samples must. The state is the four SplitMix64 outputs
/// that follow the seed; doubles are the top 53 bits times 2⁻⁵³, in [0, 1). The test vectors (SplitMix64 from seed
/// 1234567, xoshiro256** from seed 42) come from the reference C code.
/// </summary>
public sealed class SweepRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <param name="seed">the seed: every seed, 0 included, gives a sound (non-zero) state</param>
    public SweepRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>One step of SplitMix64: advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 bits of xoshiro256**.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="bound"/>), without bias (Lemire's multiply-and-reject, 2019).</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        ulong threshold = (0 - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            ulong high = Math.BigMul(r, bound, out ulong low);
            if (low >= threshold)
            {
                return high;
            }
        }
    }
}
