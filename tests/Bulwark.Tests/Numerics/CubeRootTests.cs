using System.Numerics;
using Bulwark.Numerics;

namespace Bulwark.Tests.Numerics;

/// <summary>
/// <see cref="CubeRoot.Of"/> against the exact cube root, decided in integer arithmetic: the error in units in the last
/// place (ulp) of the result is (y³ − x)/(3y²)/ulp(y), with y³ − x computed exactly. Tolerance 0.51 ulp: the method
/// rounds the root after a step whose own error is a few thousandths of an ulp (0.503 measured over 4 million arguments
/// while it was written), so a result more than half an ulp off is a wrong rounding of a root lying almost exactly
/// between two doubles, and more than 0.51 a defect.
/// </summary>
public class CubeRootTests
{
    private static BigInteger Significand(double v, out int exponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int biased = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased == 0)
        {
            biased = 1;
        }
        else
        {
            m |= 1L << 52;
        }

        exponent = biased - 1075;
        return m;
    }

    /// <summary>The error of y as the cube root of x (both positive, normal), in ulp of y.</summary>
    private static double UlpError(double x, double y)
    {
        BigInteger my = Significand(y, out int ey), mx = Significand(x, out int ex);
        int low = Math.Min(3 * ey, ex);
        BigInteger difference = (BigInteger.Pow(my, 3) << (3 * ey - low)) - (mx << (ex - low));
        double ulp = Math.BitIncrement(y) - y;
        return (double)difference * Math.Pow(2, low) / (3 * y * y) / ulp;
    }

    [Fact]
    public void WithinHalfAnUlpOfTheExactRootAcrossTheRange()
    {
        var random = new Random(20261207);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = Math.Exp(random.NextDouble() * 1400 - 700);
            double y = CubeRoot.Of(x);
            worst = Math.Max(worst, Math.Abs(UlpError(x, y)));
            Assert.Equal(-y, CubeRoot.Of(-x));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"largest error {worst:F4} ulp (Math.Cbrt on this machine: up to 3.2)");
        Assert.True(worst <= 0.51, $"largest error {worst:F4} ulp");
    }

    [Fact]
    public void ExactOnExactCubes()
    {
        for (long n = 1; n <= 200_000; n += 7)
        {
            double cube = (double)n * n * n;
            if (cube < 9007199254740992) // 2⁵³: n³ itself exact
            {
                Assert.Equal(n, CubeRoot.Of(cube));
            }
        }

        Assert.True(double.IsNegative(CubeRoot.Of(-0.0)) && CubeRoot.Of(-0.0) == 0);
        for (int k = -340; k <= 339; k++)
        {
            Assert.Equal(Math.ScaleB(3, k), CubeRoot.Of(Math.ScaleB(27, 3 * k)));
            Assert.Equal(Math.ScaleB(1, k), CubeRoot.Of(Math.ScaleB(1, 3 * k)));
        }
    }

    [Fact]
    public void EveryPartOfEveryOctave()
    {
        // Both ends and the middle of each of the 128 parts of the three octaves the table covers, and the edges between
        // octaves (where the exponent's remainder changes).
        for (int r = 0; r < 3; r++)
        {
            for (int part = 0; part < 128; part++)
            {
                foreach (double f in new[] { 0.0, 0.5, 1.0 - 1e-15 })
                {
                    double x = Math.ScaleB(1 + (part + f) / 128, r);
                    Assert.True(Math.Abs(UlpError(x, CubeRoot.Of(x))) <= 0.51, $"x = {x:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    [InlineData(4.9e-324)]
    [InlineData(-1e-310)]
    [InlineData(2.2250738585072014e-308)]
    [InlineData(double.MaxValue)]
    public void SpecialArgumentsAsTheLibraryGivesThem(double x)
    {
        double expected = Math.Cbrt(x), actual = CubeRoot.Of(x);
        if (double.IsNaN(expected) || expected == 0 || double.IsInfinity(expected) || Math.Abs(x) < 2.2250738585072014e-308)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
        else
        {
            Assert.True(Math.Abs(UlpError(Math.Abs(x), Math.Abs(actual))) <= 0.51, $"x = {x:R}");
        }
    }
}
