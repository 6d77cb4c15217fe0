using Bulwark.Flight.Forces;
using CsCheck;

namespace Bulwark.Tests.Flight.Forces;

public class DragCoefficientTests
{
    private static readonly MachTableDragCoefficient Table = new([0.5, 1.0, 2.0, 4.0], [0.30, 0.50, 0.40, 0.25]);

    [Theory]
    [InlineData(0.5, 0.30)]
    [InlineData(1.0, 0.50)]
    [InlineData(2.0, 0.40)]
    [InlineData(4.0, 0.25)]
    [InlineData(0.75, 0.40)]  // halfway between (0.5, 0.30) and (1, 0.50)
    [InlineData(1.25, 0.475)] // a quarter of the way from (1, 0.50) to (2, 0.40)
    [InlineData(3.0, 0.325)]  // halfway between (2, 0.40) and (4, 0.25)
    public void InterpolatesLinearlyBetweenNodes(double mach, double expected) => Assert.Equal(expected, Table.At(mach), 1e-15);

    [Theory]
    [InlineData(0.0, 0.30)]
    [InlineData(0.2, 0.30)]
    [InlineData(4.5, 0.25)]
    [InlineData(30.0, 0.25)]
    public void HoldsTheEndValuesBeyondTheTable(double mach, double expected) => Assert.Equal(expected, Table.At(mach));

    [Fact]
    public void StaysWithinItsNeighbouringNodesAndIsContinuous()
    {
        // Linear interpolation: C_D(M) lies between the values at the bracketing nodes, and tiny changes in M change it
        // by at most the steepest slope times the change.
        double steepest = 0.4; // |0.50 − 0.30| / 0.5
        Gen.Double[0, 5].Sample(m =>
        {
            double cd = Table.At(m);
            Assert.InRange(cd, 0.25, 0.50);
            Assert.True(Math.Abs(Table.At(m + 1e-9) - cd) <= steepest * 1e-9 + 1e-15);
        });
    }

    [Fact]
    public void FindsTheSameNodesAsArrayBinarySearchToTheBit()
    {
        // The lookup brackets Mach by its own bisection; the reference here takes the nodes from Array.BinarySearch (what
        // it did before) and interpolates the same way: equal bit for bit on random tables, at nodes and between them.
        static double Reference(double[] mach, double[] cd, double m)
        {
            if (m <= mach[0]) return cd[0];
            if (m >= mach[^1]) return cd[^1];
            int hi = Array.BinarySearch(mach, m);
            if (hi >= 0) return cd[hi];
            hi = ~hi;
            int lo = hi - 1;
            return cd[lo] + (m - mach[lo]) / (mach[hi] - mach[lo]) * (cd[hi] - cd[lo]);
        }

        Gen.Select(Gen.Double[0.01, 1].Array[2, 12], Gen.Double[0.1, 0.9].Array[12], Gen.Double[0, 1], Gen.Int[0, 11]).Sample((steps, cds, u, node) =>
        {
            double[] mach = new double[steps.Length];
            for (int i = 0; i < steps.Length; i++)
            {
                mach[i] = (i == 0 ? 0 : mach[i - 1]) + steps[i];
            }

            double[] cd = cds[..steps.Length];
            var table = new MachTableDragCoefficient(mach, cd);
            double between = mach[0] - 0.5 + u * (mach[^1] - mach[0] + 1);
            double atNode = mach[node % mach.Length];
            return BitConverter.DoubleToInt64Bits(table.At(between)) == BitConverter.DoubleToInt64Bits(Reference(mach, cd, between))
                && BitConverter.DoubleToInt64Bits(table.At(atNode)) == BitConverter.DoubleToInt64Bits(Reference(mach, cd, atNode));
        }, iter: 2000);
    }

    [Fact]
    public void OneRowIsAConstantAndConstantIgnoresMach()
    {
        var one = new MachTableDragCoefficient([2.0], [0.7]);
        Assert.Equal(0.7, one.At(0));
        Assert.Equal(0.7, one.At(2));
        Assert.Equal(0.7, one.At(9));
        Assert.Equal(0.2, DragCoefficient.Constant(0.2).At(25));
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheTable()
    {
        double[] mach = [0, 1];
        double[] cd = [0.1, 0.3];
        var table = new MachTableDragCoefficient(mach, cd);
        cd[1] = 99;
        mach[1] = 0.5;
        Assert.Equal(0.2, table.At(0.5), 1e-15);
    }

    [Fact]
    public void RejectsTablesThatAreNotStrictlyIncreasingOrMismatched()
    {
        Assert.Throws<ArgumentException>(() => new MachTableDragCoefficient([0, 1, 1], [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => new MachTableDragCoefficient([0, 2, 1], [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => new MachTableDragCoefficient([0, double.NaN], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => new MachTableDragCoefficient([0, 1], [0.1]));
        Assert.Throws<ArgumentException>(() => new MachTableDragCoefficient([], []));
    }
}
