using Bulwark.Earth;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Earth;

public class LocalFrameTests
{
    private static double Rad(double deg) => deg * Math.PI / 180;

    private static void Near(Vec3 expected, Vec3 actual, double tol = 1e-15)
    {
        double err = (actual - expected).Norm;
        Assert.True(err <= tol, $"expected {expected}, got {actual}: |error| = {err:G3}");
    }

    [Fact]
    public void WorkedExampleAtTheEquatorAndPrimeMeridian()
    {
        // At lat 0, lon 0: north = +Z, east = +Y, down = −X (and up = +X).
        Near(Vec3.UnitZ, LocalFrame.NedToEcef(Vec3.UnitX, 0, 0));
        Near(Vec3.UnitY, LocalFrame.NedToEcef(Vec3.UnitY, 0, 0));
        Near(-Vec3.UnitX, LocalFrame.NedToEcef(Vec3.UnitZ, 0, 0));

        Near(Vec3.UnitY, LocalFrame.EnuToEcef(Vec3.UnitX, 0, 0));
        Near(Vec3.UnitZ, LocalFrame.EnuToEcef(Vec3.UnitY, 0, 0));
        Near(Vec3.UnitX, LocalFrame.EnuToEcef(Vec3.UnitZ, 0, 0));

        // And back: ECEF (1, 2, 3) is N 3, E 2, D −1 and E 2, N 3, U 1.
        Near(new Vec3(3, 2, -1), LocalFrame.EcefToNed(new Vec3(1, 2, 3), 0, 0));
        Near(new Vec3(2, 3, 1), LocalFrame.EcefToEnu(new Vec3(1, 2, 3), 0, 0));
    }

    [Fact]
    public void WorkedExamplesAtThePoleAndAt90East()
    {
        // North pole, lon 0: north points back down the prime meridian (−X), east = +Y, down = −Z.
        Near(-Vec3.UnitX, LocalFrame.NedToEcef(Vec3.UnitX, Math.PI / 2, 0));
        Near(Vec3.UnitY, LocalFrame.NedToEcef(Vec3.UnitY, Math.PI / 2, 0));
        Near(-Vec3.UnitZ, LocalFrame.NedToEcef(Vec3.UnitZ, Math.PI / 2, 0));

        // Equator, lon 90° E: north = +Z, east = −X, down = −Y.
        Near(Vec3.UnitZ, LocalFrame.NedToEcef(Vec3.UnitX, 0, Math.PI / 2));
        Near(-Vec3.UnitX, LocalFrame.NedToEcef(Vec3.UnitY, 0, Math.PI / 2));
        Near(-Vec3.UnitY, LocalFrame.NedToEcef(Vec3.UnitZ, 0, Math.PI / 2));

        // Lat 45° N, lon 0: north = (−1, 0, 1)/√2, up = (1, 0, 1)/√2.
        double s = Math.Sqrt(0.5);
        Near(new Vec3(-s, 0, s), LocalFrame.NedToEcef(Vec3.UnitX, Rad(45), 0), 1e-15);
        Near(new Vec3(s, 0, s), LocalFrame.EnuToEcef(Vec3.UnitZ, Rad(45), 0), 1e-15);
    }

    private static readonly Gen<(double Lat, double Lon, Vec3 V)> Cases =
        Gen.Select(
            Gen.OneOf(Gen.Double[-Math.PI / 2, Math.PI / 2], Gen.OneOf(Gen.Const(Math.PI / 2), Gen.Const(-Math.PI / 2))),
            Gen.OneOf(Gen.Double[-Math.PI, Math.PI], Gen.OneOf(Gen.Const(Math.PI), Gen.Const(-Math.PI))),
            Gen.Double[-1e4, 1e4], Gen.Double[-1e4, 1e4], Gen.Double[-1e4, 1e4],
            (lat, lon, x, y, z) => (lat, lon, new Vec3(x, y, z)));

    [Fact]
    public void RotationsAreInverseAndPreserveLengthAndHandedness()
    {
        Cases.Sample(c =>
        {
            double tol = 1e-15 * Math.Max(1, c.V.Norm) * 4;
            Near(c.V, LocalFrame.EcefToNed(LocalFrame.NedToEcef(c.V, c.Lat, c.Lon), c.Lat, c.Lon), tol);
            Near(c.V, LocalFrame.NedToEcef(LocalFrame.EcefToNed(c.V, c.Lat, c.Lon), c.Lat, c.Lon), tol);
            Near(c.V, LocalFrame.EcefToEnu(LocalFrame.EnuToEcef(c.V, c.Lat, c.Lon), c.Lat, c.Lon), tol);
            Assert.Equal(c.V.Norm, LocalFrame.NedToEcef(c.V, c.Lat, c.Lon).Norm, tol);

            // ENU = (E, N, −D) of NED.
            Vec3 ned = LocalFrame.EcefToNed(c.V, c.Lat, c.Lon);
            Near(new Vec3(ned.Y, ned.X, -ned.Z), LocalFrame.EcefToEnu(c.V, c.Lat, c.Lon), tol);

            // Right-handed: north × east = down, east × north = up.
            Vec3 n = LocalFrame.NedToEcef(Vec3.UnitX, c.Lat, c.Lon);
            Vec3 e = LocalFrame.NedToEcef(Vec3.UnitY, c.Lat, c.Lon);
            Vec3 d = LocalFrame.NedToEcef(Vec3.UnitZ, c.Lat, c.Lon);
            Near(d, n.Cross(e), 1e-15);
            Assert.Equal(0, n.Dot(e), 1e-15);
            Assert.Equal(0, e.Z, 0.0); // east is horizontal in the equatorial plane
        });
    }

    [Fact]
    public void UpIsTheEllipsoidNormalAndNorthIsAlongTheMeridian()
    {
        // Up is the direction of ∂r/∂h and north the direction of ∂r/∂φ of Ellipsoid.ToEcef (finite differences).
        Ellipsoid wgs84 = Ellipsoid.Wgs84;
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-Math.PI, Math.PI]).Sample((lat, lon) =>
        {
            Vec3 r0 = wgs84.ToEcef(new Geodetic(lat, lon, 0));
            Vec3 up = (wgs84.ToEcef(new Geodetic(lat, lon, 1)) - r0).Normalized();
            Vec3 north = (wgs84.ToEcef(new Geodetic(lat + 1e-7, lon, 0)) - wgs84.ToEcef(new Geodetic(lat - 1e-7, lon, 0))).Normalized();
            Near(up, LocalFrame.EnuToEcef(Vec3.UnitZ, lat, lon), 1e-8);
            Near(-up, LocalFrame.NedToEcef(Vec3.UnitZ, lat, lon), 1e-8);
            Near(north, LocalFrame.NedToEcef(Vec3.UnitX, lat, lon), 1e-8);
        });
    }
}
