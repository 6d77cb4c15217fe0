using Bulwark.Numerics;

namespace Bulwark.Tests.Numerics;

public class Vec3Tests
{
    [Fact]
    public void CrossProductFollowsTheRightHandRule()
    {
        Assert.Equal(Vec3.UnitZ, Vec3.UnitX.Cross(Vec3.UnitY));
        Assert.Equal(Vec3.UnitX, Vec3.UnitY.Cross(Vec3.UnitZ));
    }

    [Fact]
    public void NormalizedHasUnitLengthAndZeroStaysZero()
    {
        Assert.Equal(1.0, new Vec3(3, 4, 12).Normalized().Norm, 15);
        Assert.Equal(Vec3.Zero, Vec3.Zero.Normalized());
    }
}
