using System.Buffers.Binary;
using Bulwark.Output.Maps;

namespace Bulwark.Tests.Output.Maps;

public class MapBuilderTests
{
    /// <summary>Europe and the Middle East with every kind of layer: what docs/maps.md shows.</summary>
    internal static MapBuilder Example() =>
        new MapBuilder(-12, 60, 25, 62, 1200, 800)
            .Title("Bulwark map example: Europe and the Middle East")
            .Countries()
            .Polygon([(20.0, 42.0), (30.0, 42.0), (32.0, 48.0), (24.0, 51.0), (18.0, 47.0)], "#1f77b4", 0.25, "sensor coverage")
            .Line([(51.39, 35.69), (44.0, 38.0), (34.0, 40.5), (26.10, 44.43)], "#d62728", 2.5, "threat track")
            .Point(26.1025, 44.4268, "#000000", "Bucharest")
            .Point(21.0122, 52.2297, "#000000", "Warsaw")
            .Point(51.3890, 35.6892, "#d62728", "Tehran")
            .Point(32.8597, 39.9334, "#000000", "Ankara");

    private static (int Width, int Height) PngSize(byte[] png)
    {
        // PNG signature, then the IHDR chunk: length 13, "IHDR", width and height as big-endian 32-bit integers.
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(signature, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void TheExampleRendersAsAPngOfTheRequestedSizeTheSameBytesEachTime()
    {
        byte[] first = Example().RenderPng();
        byte[] second = Example().RenderPng();
        Assert.Equal((1200, 800), PngSize(first));
        Assert.True(first.AsSpan().SequenceEqual(second), "two renderings of the same map differ");

        // Keep it for a person to look at (docs/maps.md tells where).
        string dir = Path.Combine(AppContext.BaseDirectory, "maps");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "example-europe.png"), first);
    }

    [Fact]
    public void ASmallMapAcrossTheAntimeridianRenders()
    {
        byte[] png = new MapBuilder(160, 200, 50, 75, 600, 400)
            .Title("Chukotka and Alaska")
            .Countries()
            .Point(177.5, 64.7, "#000000", "Anadyr")
            .Point(-165.4, 64.5, "#000000", "Nome")
            .RenderPng();
        Assert.Equal((600, 400), PngSize(png));
        string dir = Path.Combine(AppContext.BaseDirectory, "maps");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "example-antimeridian.png"), png);
    }

    [Fact]
    public void TheEmbeddedFontIsTheOneScottPlotUses()
    {
        MapFont.EnsureRegistered();
        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.GetTypeface(MapFont.Name, bold: false, italic: false).FamilyName);
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new MapBuilder(10, 10, 0, 1));
        Assert.Throws<ArgumentException>(() => new MapBuilder(0, 1, -91, 0));
        Assert.Throws<ArgumentException>(() => new MapBuilder(0, 1, 0, 1, 10, 10));
        var map = new MapBuilder(0, 10, 0, 10);
        Assert.Throws<ArgumentException>(() => map.Point(1, 1, "red"));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Polygon([(0, 0), (1, 0), (1, 1)], "#ff0000", 2));
        Assert.Throws<ArgumentException>(() => map.Line([(0, 0)], "#ff0000"));
    }
}
