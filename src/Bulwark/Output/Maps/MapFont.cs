using ScottPlot;
using SkiaSharp;

namespace Bulwark.Output.Maps;

/// <summary>
/// The one font maps are drawn with: DejaVu Sans 2.37 (Bitstream Vera licence with public-domain DejaVu changes;
/// <c>Output/Maps/Fonts/</c>), embedded in this library so that a map looks, and encodes, the same on every machine,
/// whatever fonts are installed (ScottPlot's Linux build of SkiaSharp finds no system fonts without fontconfig).
/// </summary>
internal static class MapFont
{
    /// <summary>The family name ScottPlot resolves to the embedded font; unlike any installed font's name.</summary>
    public const string Name = "Bulwark DejaVu Sans";

    private const string Resource = "maps/DejaVuSans.ttf";
    private static readonly Lazy<SKTypeface> Typeface = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Adds the font's resolver to ScottPlot's list once per process.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            Fonts.FontResolvers.Insert(0, new Resolver());
            registered = true;
        }
    }

    private static SKTypeface Load()
    {
        using var stream = typeof(MapFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource '{Resource}' is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"'{Resource}' is not a font Skia can read");
    }

    /// <summary>Gives the embedded regular face for <see cref="Name"/> in every weight and slant (maps use no bold).</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Name ? Typeface.Value : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Name ? Typeface.Value : null;
    }
}
