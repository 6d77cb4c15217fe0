using Bulwark.Sweeps;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// The sweeps' generator against the reference C code of Blackman and Vigna (splitmix64.c, xoshiro256starstar.c,
/// prng.di.unimi.it), compiled and run with gcc: these numbers pin the samples of every seeded design.
/// </summary>
public class SweepRandomTests
{
    [Fact]
    public void SplitMix64MatchesTheReference()
    {
        // splitmix64.c from x = 1234567 (also Rosetta Code's "Pseudo-random numbers/Splitmix64" vector).
        ulong state = 1234567;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, expected.Select(_ => SweepRandom.SplitMix64(ref state)));
    }

    [Fact]
    public void Xoshiro256StarStarMatchesTheReference()
    {
        // xoshiro256starstar.c with s[0..3] = four splitmix64 outputs from x = 42.
        var random = new SweepRandom(42);
        ulong[] expected = [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193, 18295552978065317476];
        Assert.Equal(expected, expected.Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void DoublesAreTheTop53BitsInTheUnitInterval()
    {
        var a = new SweepRandom(7);
        var b = new SweepRandom(7);
        for (int i = 0; i < 1000; i++)
        {
            double d = a.NextDouble();
            Assert.InRange(d, 0.0, 1.0 - double.Epsilon);
            Assert.Equal((b.NextUInt64() >> 11) / 9007199254740992.0, d);
        }
    }

    [Fact]
    public void BoundedDrawsStayInRangeAndCoverIt()
    {
        // 60,000 draws below 6: each face within 5 standard deviations (σ ≈ 91) of 10,000; fails if the bound is off by one.
        var random = new SweepRandom(2024);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            counts[random.NextBelow(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 10_000 - 456, 10_000 + 456));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextBelow(0));
        Assert.Equal(0UL, random.NextBelow(1));
    }
}
