namespace Bulwark.Raids;

/// <summary>What a uniform draw is for; each purpose has its own stream so that draws for one never shift another's.</summary>
public enum DrawPurpose
{
    /// <summary>An interceptor's outcome (index: the interceptor's number among those fired at the missile).</summary>
    Shot = 1,

    /// <summary>The missile's launch time within its uncertainty.</summary>
    LaunchTime = 2,

    /// <summary>The missile's sensor delay.</summary>
    SensorDelay = 3,

    /// <summary>The missile's target within a weighted set.</summary>
    Target = 4,
}

/// <summary>
/// Counter-based uniform draws: the number for (seed, trial, missile, purpose, index) is a hash of those five, so it does
/// not depend on the order in which trials run or on the thread that runs them, and two architectures run with the same
/// seed draw the same number for the k-th interceptor fired at the same missile in the same trial (common random
/// numbers). The hash chains SplitMix64's finaliser (Steele, Lea and Flood 2014) over the fields.
/// </summary>
public static class CounterRandom
{
    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public static double Uniform(ulong seed, long trial, int missile, DrawPurpose purpose, int index)
    {
        ulong h = Mix(seed ^ 0x243F6A8885A308D3UL);
        h = Mix(h ^ Mix((ulong)trial + 0x9E3779B97F4A7C15UL));
        h = Mix(h ^ Mix((ulong)(uint)missile + 0x3C6EF372FE94F82AUL));
        h = Mix(h ^ Mix((ulong)purpose + 0xDAA66D2C7DDF743FUL));
        h = Mix(h ^ Mix((ulong)(uint)index + 0x78DDE6E5FD29F054UL));
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
