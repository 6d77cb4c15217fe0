using Bulwark.Numerics;

namespace Bulwark.Tests.Numerics;

public class AngleTests
{
    private const double Pi = Math.PI;

    [Fact]
    public void ConversionsKeepTheOrderTheCodeUsed()
    {
        Assert.Equal(Pi, Angle.DegToRad(180));
        Assert.Equal(Pi / 2, Angle.DegToRad(90));
        Assert.Equal(-Pi, Angle.DegToRad(-180));
        Assert.Equal(180.0, Angle.RadToDeg(Pi));
        Assert.Equal(Pi / 180, Angle.RadPerDeg);
        var rng = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            double x = (rng.NextDouble() - 0.5) * 1000;
            Assert.Equal(BitConverter.DoubleToInt64Bits(x * Math.PI / 180), BitConverter.DoubleToInt64Bits(Angle.DegToRad(x)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(x * 180 / Math.PI), BitConverter.DoubleToInt64Bits(Angle.RadToDeg(x)));
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, -1)]
    [InlineData(Pi, Pi)]
    [InlineData(-Pi, -Pi)]
    [InlineData(2 * Pi, 0)]
    [InlineData(-2 * Pi, 0)]
    [InlineData(3 * Pi / 2, -Pi / 2)]
    [InlineData(-3 * Pi / 2, Pi / 2)]
    [InlineData(7, 7 - 2 * Pi)]
    public void WrapPiReducesToMinusPiPi(double rad, double expected)
    {
        Assert.Equal(expected, Angle.WrapPi(rad), 14);
        Assert.Equal(expected, Angle.WrapPiFast(rad), 14);
    }

    [Fact]
    public void WrapPiIsTheIeeeRemainderAndTheFastOneAgreesAwayFromTheEdges()
    {
        Assert.True(double.IsNegative(Angle.WrapPi(-0.0)));
        Assert.Equal(Pi, Math.Abs(Angle.WrapPi(3 * Pi)), 14);
        var rng = new Random(11);
        for (int i = 0; i < 10_000; i++)
        {
            double x = (rng.NextDouble() - 0.5) * 6 * Pi;
            double w = Angle.WrapPi(x);
            Assert.Equal(Math.IEEERemainder(x, 2 * Math.PI), w);
            Assert.InRange(w, -Pi, Pi);
            Assert.Equal(w, Angle.WrapPiFast(x));
        }
    }

    [Fact]
    public void WrapPiHalfOpenTakesMinusPiToPi()
    {
        Assert.Equal(Pi, Angle.WrapPiHalfOpen(-Pi));
        Assert.Equal(Pi, Angle.WrapPiHalfOpen(Pi));
        Assert.Equal(Pi, Angle.WrapPiHalfOpen(3 * Pi), 14);
        Assert.Equal(0.0, Angle.WrapPiHalfOpen(2 * Pi));
        Assert.True(double.IsNegative(Angle.WrapPiHalfOpen(-0.0)));
        // On [−π, π] it is the geodesic's old normalisation to the bit: az ≤ −π ? az + 2π : az.
        var rng = new Random(3);
        for (int i = 0; i < 10_000; i++)
        {
            double az = Math.Atan2(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
            Assert.Equal(az <= -Math.PI ? az + 2 * Math.PI : az, Angle.WrapPiHalfOpen(az));
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(Pi, Pi)]
    [InlineData(-Pi, Pi)]
    [InlineData(2 * Pi, 0)]
    [InlineData(-0.5, 2 * Pi - 0.5)]
    [InlineData(5 * Pi, Pi)]
    public void WrapTwoPiReducesToZeroTwoPi(double rad, double expected)
    {
        double w = Angle.WrapTwoPi(rad);
        Assert.Equal(expected, w, 13);
        Assert.InRange(w, 0, 2 * Pi);
    }

    [Fact]
    public void WrapFromBringsAnAngleIntoTheTurnFromItsStart()
    {
        Assert.Equal(1.0 + 2 * Pi, Angle.WrapFrom(1, 4), 14);
        Assert.Equal(4.0, Angle.WrapFrom(4 - 2 * Pi, 4), 14);
        Assert.Equal(5.0, Angle.WrapFrom(5, 4));
        Assert.Equal(-3.0, Angle.WrapFrom(-3 + 4 * Pi, -3.5), 13);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(179.5, 179.5)]
    [InlineData(180, 180)]
    [InlineData(-180, -180)]
    [InlineData(190, -170)]
    [InlineData(-190, 170)]
    [InlineData(360, 0)]
    [InlineData(540, -180)]
    [InlineData(-540, 180)]
    [InlineData(720.25, 0.25)]
    public void WrapDeg180ReducesToMinus180To180(double deg, double expected) =>
        Assert.Equal(expected, Angle.WrapDeg180(deg), 12);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(179.5, 179.5)]
    [InlineData(180, -180)]
    [InlineData(-180, -180)]
    [InlineData(190, -170)]
    [InlineData(-190, 170)]
    [InlineData(360, 0)]
    [InlineData(540, -180)]
    [InlineData(-540, -180)]
    [InlineData(359.75, -0.25)]
    public void WrapLonDegReducesToMinus180To180Open(double deg, double expected) =>
        Assert.Equal(expected, Angle.WrapLonDeg(deg), 12);

    [Fact]
    public void WrapLonDegKeepsLongitudesInsideToTheBit()
    {
        var rng = new Random(5);
        for (int i = 0; i < 10_000; i++)
        {
            double lon = (rng.NextDouble() - 0.5) * 359;
            Assert.Equal(lon, Angle.WrapLonDeg(lon));
        }

        Assert.True(double.IsNegative(Angle.WrapLonDeg(-0.0)));
    }
}
