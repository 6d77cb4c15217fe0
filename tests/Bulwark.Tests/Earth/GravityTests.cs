using Bulwark.Earth;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Earth;

public class GravityTests
{
    private static readonly Planet PointMassWgs84 = Planet.Wgs84 with { J2 = 0 };

    /// <summary>Positions from just below the surface to beyond geostationary radius, any direction (poles included).</summary>
    private static readonly Gen<Vec3> Positions =
        Gen.Select(Gen.Double[6.3e6, 5e7], Gen.Double[-1, 1], Gen.Double[-Math.PI, Math.PI], (r, sinLat, lon) =>
        {
            double cosLat = Math.Sqrt(1 - sinLat * sinLat);
            return new Vec3(r * cosLat * Math.Cos(lon), r * cosLat * Math.Sin(lon), r * sinLat);
        });

    [Fact]
    public void PointMassIsMuOverRSquaredTowardsTheCentre()
    {
        // Newton: a = −μ r / |r|³, so |a| = μ/r² along −r̂.
        Positions.Sample(r =>
        {
            Vec3 a = Gravity.Acceleration(PointMassWgs84, r);
            double expected = PointMassWgs84.MuM3PerS2 / r.NormSquared;
            Assert.Equal(expected, a.Norm, expected * 1e-14);
            Assert.True((a.Normalized() + r.Normalized()).Norm < 1e-15, $"a = {a} is not along −r = {-r}");
        });
    }

    [Fact]
    public void SphereIsAPointMassWithTheGivenMu()
    {
        Planet sphere = Planet.Sphere(6_000_000, 4e14);
        Vec3 r = new(7_000_000, 0, 0);
        Assert.Equal(new Vec3(-4e14 / 4.9e13, 0, 0), Gravity.Acceleration(sphere, r));
    }

    [Fact]
    public void AccelerationIsTheNegativeGradientOfThePotential()
    {
        // a = −∇V for a conservative field; V from Gravity.Potential (Vallado eq. 8-19 truncated at J2), gradient by
        // central differences with a step h = 1e-5·r: relative to |a| = μ/r², truncation ~ (h/r)² = 1e-10 and round-off
        // ~ ε·r/h ≈ 2e-11. 1e-9 relative to |a| is at most 6e-5 of the J2 part (≥ 1.6e-5·|a| out to 50,000 km), so a wrong
        // J2 coefficient or sign cannot pass.
        Positions.Sample(r =>
        {
            double h = 1e-5 * r.Norm;
            double D(Vec3 e) => (Gravity.Potential(Planet.Wgs84, r + h * e) - Gravity.Potential(Planet.Wgs84, r - h * e)) / (2 * h);
            Vec3 minusGradient = -new Vec3(D(Vec3.UnitX), D(Vec3.UnitY), D(Vec3.UnitZ));
            Vec3 a = Gravity.Acceleration(Planet.Wgs84, r);
            Assert.True((a - minusGradient).Norm <= 1e-9 * a.Norm,
                $"at {r}: a = {a}, −∇V = {minusGradient}, |difference| = {(a - minusGradient).Norm:G3}");
        });
    }

    [Fact]
    public void J2AtTheEquatorStrengthensGravityByOnePlusThreeHalvesJ2ReOverRSquared()
    {
        // Vallado eq. 8-30: a_x = −μx/r³·[1 − 3/2·J2·(Re/r)²·(5z²/r² − 1)]; at z = 0 the bracket is 1 + 3/2·J2·(Re/r)².
        Planet p = Planet.Wgs84;
        double re = p.J2ReferenceRadiusM;
        foreach (double r in new[] { re, 1.5 * re, 6.6 * re })
        {
            foreach (double lon in new[] { 0.0, 1.0, -2.5 })
            {
                Vec3 pos = new(r * Math.Cos(lon), r * Math.Sin(lon), 0);
                Vec3 a = Gravity.Acceleration(p, pos);
                double expected = p.MuM3PerS2 / (r * r) * (1 + 1.5 * p.J2 * (re / r) * (re / r));
                Assert.Equal(expected, a.Norm, expected * 1e-14);
                Assert.Equal(0, a.Z);
                Assert.True((a.Normalized() + pos.Normalized()).Norm < 1e-15);
            }
        }
    }

    [Fact]
    public void J2AtThePoleWeakensGravityByOneMinusThreeJ2ReOverRSquared()
    {
        // Vallado eq. 8-30: a_z = −μz/r³·[1 − 3/2·J2·(Re/r)²·(5z²/r² − 3)]; on the axis z = r, so the bracket is
        // 1 − 3·J2·(Re/r)²: the pole, nearer the axis than the equatorial bulge, feels a weaker pull at the same r.
        Planet p = Planet.Wgs84;
        double re = p.J2ReferenceRadiusM;
        foreach (double r in new[] { p.Shape.PolarRadiusM, 2 * re, 10 * re })
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                Vec3 a = Gravity.Acceleration(p, new Vec3(0, 0, sign * r));
                double expected = p.MuM3PerS2 / (r * r) * (1 - 3 * p.J2 * (re / r) * (re / r));
                Assert.Equal(-sign * expected, a.Z, expected * 1e-14);
                Assert.Equal(0, a.X);
                Assert.Equal(0, a.Y);
            }
        }
    }

    [Fact]
    public void AttractionOnTheWgs84SurfaceMatchesNormalGravityPlusCentrifugal()
    {
        // Independent check: WGS-84 normal gravity (Somigliana; NIMA TR8350.2 eq. 4-1) is γe = 9.7803253359 m/s² at the
        // equator and γp = 9.8321849378 m/s² at the poles. At the equator it is attraction minus the centrifugal ω²a, at the
        // poles attraction alone. Point mass + J2 leaves out J4 and higher (≈ 1e-5 relative).
        Planet p = Planet.Wgs84;
        double a = p.Shape.EquatorialRadiusM, b = p.Shape.PolarRadiusM, w = p.RotationRateRadPerS;
        double equator = Gravity.Acceleration(p, new Vec3(a, 0, 0)).Norm;
        double pole = Gravity.Acceleration(p, new Vec3(0, 0, b)).Norm;
        Assert.Equal(9.7803253359 + w * w * a, equator, 2e-5 * equator);
        Assert.Equal(9.8321849378, pole, 2e-5 * pole);
    }

    [Fact]
    public void J2FieldIsSymmetricAboutTheAxisAndTheEquator()
    {
        // J2 is a zonal harmonic: rotating the position about +Z rotates the acceleration; mirroring z mirrors a_z.
        Gen.Select(Positions, Gen.Double[-Math.PI, Math.PI]).Sample((r, angle) =>
        {
            Vec3 a = Gravity.Acceleration(Planet.Wgs84, r);
            Vec3 rotated = Gravity.Acceleration(Planet.Wgs84, EarthRotation.EcefToEci(r, angle, 1));
            Assert.True((EarthRotation.EcefToEci(a, angle, 1) - rotated).Norm <= 1e-14 * a.Norm);
            Vec3 mirrored = Gravity.Acceleration(Planet.Wgs84, r with { Z = -r.Z });
            Assert.True((mirrored - a with { Z = -a.Z }).Norm <= 1e-15 * a.Norm);
        });
    }
}
