using Bulwark.Earth;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Earth;

public class EarthRotationTests
{
    private const double W = Wgs84.RotationRateRadPerS;

    private static readonly Gen<Vec3> Vectors =
        Gen.Select(Gen.Double[-5e7, 5e7], Gen.Double[-5e7, 5e7], Gen.Double[-5e7, 5e7], (x, y, z) => new Vec3(x, y, z));

    private static readonly Gen<double> Times = Gen.Double[-1e6, 1e6];

    private static void Near(Vec3 expected, Vec3 actual, double tol)
    {
        double err = (actual - expected).Norm;
        Assert.True(err <= tol, $"expected {expected}, got {actual}: |error| = {err:G3}");
    }

    [Fact]
    public void EciToEcefAndBackIsTheIdentityAndKeepsLengthAndZ()
    {
        Gen.Select(Vectors, Times).Sample((r, t) =>
        {
            Vec3 ecef = EarthRotation.EciToEcef(r, t, W);
            Near(r, EarthRotation.EcefToEci(ecef, t, W), 1e-15 * 4 * r.Norm);
            Near(r, EarthRotation.EciToEcef(EarthRotation.EcefToEci(r, t, W), t, W), 1e-15 * 4 * r.Norm);
            Assert.Equal(r.Norm, ecef.Norm, 1e-15 * 4 * r.Norm);
            Assert.Equal(r.Z, ecef.Z);
        });
    }

    [Fact]
    public void AtTheEpochOrWithoutRotationTheFramesCoincide()
    {
        // ECI is aligned with ECEF at t = 0 (DESIGN §3, docs/architecture.md).
        Vec3 r = new(1, 2, 3);
        Assert.Equal(r, EarthRotation.EciToEcef(r, 0, W));
        Assert.Equal(r, EarthRotation.EcefToEci(r, 0, W));
        Assert.Equal(r, EarthRotation.EciToEcef(r, 1234, 0));
    }

    [Fact]
    public void AfterAQuarterTurnEciPlusYIsEcefPlusX()
    {
        // The class's worked example: r_ecef = Rz(ωt)ᵀ r_eci, and at ωt = π/2 the ECI +Y axis is the ECEF +X axis
        // (the Earth turned east, so ECI +X now lies along ECEF −Y).
        double quarter = Math.PI / 2 / W;
        Near(Vec3.UnitX, EarthRotation.EciToEcef(Vec3.UnitY, quarter, W), 1e-15);
        Near(-Vec3.UnitY, EarthRotation.EciToEcef(Vec3.UnitX, quarter, W), 1e-15);
        Near(Vec3.UnitZ, EarthRotation.EciToEcef(Vec3.UnitZ, quarter, W), 0);

        // With the numbers of the doc comment: t = 21,541 s is a quarter turn to within 2e-6 rad.
        Near(Vec3.UnitX, EarthRotation.EciToEcef(Vec3.UnitY, 21_541, 7.292115e-5), 1e-5);
    }

    [Fact]
    public void TheEarthTurnsEastward()
    {
        // A point fixed on the prime meridian at the equator is, in ECI, at angle ωt east of +X.
        foreach (double t in new[] { 100.0, 3600.0, 40_000.0 })
        {
            Vec3 eci = EarthRotation.EcefToEci(Vec3.UnitX, t, W);
            Near(new Vec3(Math.Cos(W * t), Math.Sin(W * t), 0), eci, 1e-15);
        }
    }

    [Fact]
    public void EarthRelativeVelocityIsVMinusOmegaCrossR()
    {
        // Transport theorem: v_rel = v_inertial − ω×r with ω = (0, 0, ω).
        Gen.Select(Vectors, Vectors).Sample((r, v) =>
        {
            Vec3 omega = new(0, 0, W);
            Vec3 expected = v - omega.Cross(r);
            Near(expected, EarthRotation.EarthRelativeVelocityEci(r, v, W), 1e-15 * 4 * (v.Norm + W * r.Norm));
        });
    }

    [Fact]
    public void APointAtRestOnTheRotatingEarthMovesEastAtOmegaTimesItsDistanceFromTheAxis()
    {
        // v_inertial = ω×r: speed ω·r·cos(geocentric latitude) = ω·√(x² + y²), due east.
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-Math.PI, Math.PI], Gen.Double[0, 1e6], Times).Sample((lat, lon, h, t) =>
        {
            Vec3 rEcef = Ellipsoid.Wgs84.ToEcef(new Geodetic(lat, lon, h));
            Vec3 v = EarthRotation.EciVelocity(rEcef, Vec3.Zero, t, W);
            double expected = W * rEcef.Norm * Math.Cos(Math.Asin(rEcef.Z / rEcef.Norm));
            Assert.Equal(expected, v.Norm, 1e-12 * Math.Max(1, expected));
            Vec3 eastEci = EarthRotation.EcefToEci(LocalFrame.NedToEcef(Vec3.UnitY, lat, lon), t, W);
            Near(expected * eastEci, v, 1e-12 * 500);
            Near(Vec3.Zero, EarthRotation.EcefVelocity(EarthRotation.EcefToEci(rEcef, t, W), v, t, W), 1e-9);
        });
    }

    [Fact]
    public void EciVelocityAndEcefVelocityAreInverse()
    {
        Gen.Select(Vectors, Gen.Double[-8000, 8000], Gen.Double[-8000, 8000], Gen.Double[-8000, 8000], Times).Sample((rEcef, vx, vy, vz, t) =>
        {
            Vec3 vEcef = new(vx, vy, vz);
            Vec3 rEci = EarthRotation.EcefToEci(rEcef, t, W);
            Vec3 vEci = EarthRotation.EciVelocity(rEcef, vEcef, t, W);
            Near(vEcef, EarthRotation.EcefVelocity(rEci, vEci, t, W), 1e-15 * 16 * (vEcef.Norm + W * rEcef.Norm));
        });
    }
}
