using Bulwark.Earth;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Earth;

public class EllipsoidTests
{
    private static readonly Ellipsoid Wgs84 = Ellipsoid.Wgs84;
    private const double A = 6378137.0;                 // WGS 84 a (NIMA TR8350.2 Table 3.1)
    private const double B = 6356752.3142;              // WGS 84 b to 0.1 mm (NIMA TR8350.2 Table 3.3: 6356752.3142 m)

    private static void Near(Vec3 expected, Vec3 actual, double tolM)
    {
        double err = (actual - expected).Norm;
        Assert.True(err <= tolM, $"expected {expected}, got {actual}: |error| = {err:G3} m > {tolM:G3} m");
    }

    // ------------------------------------------------------------------ known values

    [Fact]
    public void EquatorPrimeMeridianIsOnTheXAxisAtTheEquatorialRadius()
    {
        // By definition of the ECEF axes (TR8350.2 §2.1): lat 0, lon 0, h 0 -> (a, 0, 0).
        Near(new Vec3(A, 0, 0), Wgs84.ToEcef(new Geodetic(0, 0, 0)), 1e-9);
        // lat 0, lon 90° E -> (0, a, 0); lat 0, lon 180° -> (−a, 0, 0).
        Near(new Vec3(0, A, 0), Wgs84.ToEcef(Geodetic.FromDegrees(0, 90)), 1e-6);
        Near(new Vec3(-A, 0, 0), Wgs84.ToEcef(Geodetic.FromDegrees(0, 180)), 1e-6);
    }

    [Fact]
    public void PolesAreOnTheZAxisAtThePolarRadius()
    {
        // The polar radius b = 6356752.3142 m is tabulated in NIMA TR8350.2 Table 3.3 (to 0.1 mm).
        Near(new Vec3(0, 0, B), Wgs84.ToEcef(Geodetic.FromDegrees(90, 0)), 1e-4);
        Near(new Vec3(0, 0, -B), Wgs84.ToEcef(Geodetic.FromDegrees(-90, 123)), 1e-4);
        Near(new Vec3(0, 0, B + 1000), Wgs84.ToEcef(Geodetic.FromDegrees(90, -45, 1000)), 1e-4);
        Assert.Equal(B, Wgs84.PolarRadiusM, 1e-4);
    }

    [Fact]
    public void MatchesGeographicLibCartConvertForwardExample()
    {
        // GeographicLib CartConvert(1) man page, EXAMPLES: "echo 33.3 44.4 6000 | CartConvert
        // => 3816209.60 3737108.55 3485109.57" (WGS 84, printed to 1 cm).
        Vec3 r = Wgs84.ToEcef(Geodetic.FromDegrees(33.3, 44.4, 6000));
        Assert.Equal(3816209.60, r.X, 0.005);
        Assert.Equal(3737108.55, r.Y, 0.005);
        Assert.Equal(3485109.57, r.Z, 0.005);
    }

    [Fact]
    public void MatchesGeographicLibCartConvertReverseExampleDeepInside()
    {
        // GeographicLib CartConvert(1) man page, EXAMPLES: "echo 30000 30000 0 | CartConvert -r
        // => 6.483 45 -6335709.73": a point 42 km from the centre, inside the evolute, where the nearest
        // surface point is off the equator. Latitude printed to 0.001°, height to 1 cm; the longitude is 45° by symmetry.
        Geodetic g = Wgs84.ToGeodetic(new Vec3(30000, 30000, 0));
        Assert.Equal(6.483, g.LatitudeDeg, 0.0005);
        Assert.Equal(45, g.LongitudeDeg, 1e-12);
        Assert.Equal(-6335709.73, g.HeightM, 0.005);
    }

    [Fact]
    public void ToGeodeticAtTheCentreAndOnTheAxis()
    {
        // The nearest surface points to the centre are the poles, at distance b: by the GeographicLib
        // convention (class Geocentric) the centre maps to the north pole with height −b.
        Geodetic c = Wgs84.ToGeodetic(Vec3.Zero);
        Assert.Equal(90, c.LatitudeDeg, 1e-12);
        Assert.Equal(-B, c.HeightM, 1e-4);

        // On the axis: latitude ±90°, height |z| − b (analytic).
        Geodetic n = Wgs84.ToGeodetic(new Vec3(0, 0, 7.0e6));
        Assert.Equal(90, n.LatitudeDeg, 1e-12);
        Assert.Equal(7.0e6 - B, n.HeightM, 1e-4);
        Geodetic s = Wgs84.ToGeodetic(new Vec3(0, 0, -1.0e5));
        Assert.Equal(-90, s.LatitudeDeg, 1e-12);
        Assert.Equal(1.0e5 - B, s.HeightM, 1e-4);

        // On the equatorial plane outside the evolute: latitude 0, height R − a (analytic).
        Geodetic e = Wgs84.ToGeodetic(new Vec3(0, -4.2164e7, 0));
        Assert.Equal(0, e.LatitudeDeg, 1e-12);
        Assert.Equal(-90, e.LongitudeDeg, 1e-12);
        Assert.Equal(4.2164e7 - A, e.HeightM, 1e-6);
    }

    [Fact]
    public void SphereIsPlainSphericalCoordinates()
    {
        var sphere = Ellipsoid.Sphere(6371000);
        var r = new Vec3(1.0e6, -2.0e6, 3.0e6);
        Geodetic g = sphere.ToGeodetic(r);
        Assert.Equal(Math.Atan2(3.0e6, Math.Sqrt(5.0e12)), g.LatitudeRad, 1e-15);
        Assert.Equal(Math.Atan2(-2.0e6, 1.0e6), g.LongitudeRad, 1e-15);
        Assert.Equal(r.Norm - 6371000, g.HeightM, 1e-8);
        Assert.Equal(r.Norm - 6371000, sphere.HeightOf(r), 1e-8);
        Near(new Vec3(0, 0, 6371000), sphere.ToEcef(Geodetic.FromDegrees(90, 10)), 1e-6);
        Geodetic centre = sphere.ToGeodetic(Vec3.Zero);
        Assert.Equal(90, centre.LatitudeDeg, 1e-12);
        Assert.Equal(-6371000, centre.HeightM, 1e-9);
    }

    // ------------------------------------------------------------------ properties

    private static readonly Gen<double> LatDeg = Gen.OneOf(Gen.Double[-90, 90], Gen.Double[-90, 90], Gen.OneOf(Gen.Const(90.0), Gen.Const(-90.0), Gen.Const(0.0)));

    private static readonly Gen<double> LonDeg = Gen.OneOf(Gen.Double[-180, 180], Gen.Double[-180, 180], Gen.OneOf(Gen.Const(180.0), Gen.Const(-180.0), Gen.Const(0.0)));

    private static readonly Gen<double> HeightM = Gen.OneOf(
        Gen.Double[-10_000, 40_000_000],
        Gen.Double[-10_000, 100_000],
        Gen.OneOf(Gen.Const(-10_000.0), Gen.Const(0.0), Gen.Const(40_000_000.0)));

    [Fact]
    public void GeodeticToEcefRoundTripIsWithinAMillimetre()
    {
        Gen.Select(LatDeg, LonDeg, HeightM).Sample((latDeg, lonDeg, h) =>
        {
            var p = Geodetic.FromDegrees(latDeg, lonDeg, h);
            Vec3 r = Wgs84.ToEcef(p);
            Geodetic q = Wgs84.ToGeodetic(r);
            // Compare positions (longitude is undefined at the poles) and heights.
            Near(r, Wgs84.ToEcef(q), 1e-3);
            Assert.True(Math.Abs(q.HeightM - h) <= 1e-3, $"height {q.HeightM} vs {h}");
            Assert.True(Math.Abs(Wgs84.HeightOf(r) - q.HeightM) <= 1e-9 * Math.Max(1, Math.Abs(h)));
            // Latitude itself to 1e-12 rad (6 µm on the surface).
            Assert.True(Math.Abs(q.LatitudeRad - p.LatitudeRad) <= 1e-12, $"lat {q.LatitudeRad} vs {p.LatitudeRad}");
        }, iter: 20_000);
    }

    [Fact]
    public void RoundTripOnASphere()
    {
        var sphere = Ellipsoid.Sphere(6371000);
        Gen.Select(LatDeg, LonDeg, HeightM).Sample((latDeg, lonDeg, h) =>
        {
            var p = Geodetic.FromDegrees(latDeg, lonDeg, h);
            Vec3 r = sphere.ToEcef(p);
            Geodetic q = sphere.ToGeodetic(r);
            Near(r, sphere.ToEcef(q), 1e-3);
            Assert.True(Math.Abs(q.HeightM - h) <= 1e-3);
            Assert.True(Math.Abs(q.LatitudeRad - p.LatitudeRad) <= 1e-12);
        }, iter: 5_000);
    }

    [Fact]
    public void ToGeodeticIsConsistentEverywhereInsideAndOutside()
    {
        // Any ECEF point, centre region included: ToEcef(ToGeodetic(r)) = r to a micrometre, and HeightOf agrees.
        Gen<double> coord = Gen.OneOf(Gen.Double[-1.0e8, 1.0e8], Gen.Double[-1.0e5, 1.0e5], Gen.Double[-50, 50]);
        Gen.Select(coord, coord, coord).Sample((x, y, z) =>
        {
            var r = new Vec3(x, y, z);
            Geodetic g = Wgs84.ToGeodetic(r);
            Near(r, Wgs84.ToEcef(g), 1e-6 * Math.Max(1, r.Norm / 1e7));
            Assert.Equal(g.HeightM, Wgs84.HeightOf(r));
            Assert.InRange(g.LatitudeRad, -Math.PI / 2, Math.PI / 2);
            Assert.InRange(g.LongitudeRad, -Math.PI, Math.PI);
        }, iter: 20_000);
    }

    [Fact]
    public void HeightIsTheDistanceAlongTheNormal()
    {
        // Moving 1 km along the local "up" (the normal, from LocalFrame) adds exactly 1 km of height.
        Gen.Select(LatDeg, LonDeg, Gen.Double[-5_000, 1_000_000]).Sample((latDeg, lonDeg, h) =>
        {
            var p = Geodetic.FromDegrees(latDeg, lonDeg, h);
            Vec3 up = LocalFrame.EnuToEcef(Vec3.UnitZ, p.LatitudeRad, p.LongitudeRad);
            Vec3 r = Wgs84.ToEcef(p) + 1000 * up;
            Assert.Equal(h + 1000, Wgs84.HeightOf(r), 1e-6);
        });
    }

    [Fact]
    public void ToGeodeticDoesNotAllocate()
    {
        var r = new Vec3(4.0e6, 3.0e6, 3.5e6);
        double sink = Wgs84.HeightOf(r) + Wgs84.ToGeodetic(r).LatitudeRad + Wgs84.ToEcef(default).X;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sink += Wgs84.HeightOf(r) + Wgs84.ToGeodetic(r).LatitudeRad + Wgs84.ToEcef(new Geodetic(0.1, 0.2, i)).X;
        }
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.True(double.IsFinite(sink));
    }
}
