using Bulwark.Catalog;
using Bulwark.Sweeps;

namespace Bulwark.Tests.Catalog;

/// <summary>Ranges of disputed numbers (an entry's <c>uncertain:</c> block) and a catalog with some numbers changed (a sweep's run).</summary>
public sealed class UncertainNumberTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    [Fact]
    public void TheShippedCatalogGivesTheDisputedRangesWithTheirSources()
    {
        NumberRange gbi = Catalog.Find("gbi-2-stage-mda")!.Ranges.Single(r => r.Path == "burnout_speed_km_s");
        Assert.Equal(("burnout_speed_km_s", 6.3, 8.3, "km/s"), (gbi.Path, gbi.Low, gbi.High, gbi.Unit));
        Assert.Equal("spacenews-2007-postol", gbi.Provenance.SourceId);
        Assert.Equal(Confidence.Reported, gbi.Provenance.Confidence);
        Assert.Equal("gbi-2-stage-mda.burnout_speed_km_s", gbi.Name);
        // The disputed figures the sweeps vary (docs/sweeps.md, "Uncertain inputs"), each with a range.
        string[] disputed =
        [
            "gbi-2-stage-mda.burnout_speed_km_s", "gbi-2-stage-mda.reaction_time_s", "sm-3-iia.burnout_speed_km_s", "sm-3-iia.reaction_time_s",
            "an-tpy-2.detection_range_km", "daryal-gabala.detection_range_km", "sejjil-2.calibration.range_km", "sejjil-3.calibration.range_km",
        ];
        var names = Catalog.Entries.SelectMany(e => e.Ranges).Select(r => r.Name).ToHashSet();
        Assert.All(disputed, d => Assert.Contains(d, names));
        foreach (CatalogEntry e in Catalog.Entries)
        {
            foreach (NumberRange r in e.Ranges)
            {
                Assert.False(string.IsNullOrEmpty(r.Provenance.SourceId), $"{r.Name}: no source");
                Assert.Contains(r.Provenance.SourceId!, Catalog.Sources.Keys);
            }
        }

        Assert.Empty(Catalog.Problems);
    }

    [Theory]
    [InlineData("uncertain: { burnout_speed_km_s: { low: 4.0, high: 5.0, confidence: notional, source: int-sm3-common-figures, calibrated_to: x } }", "does not hold its value 8.5")]
    [InlineData("uncertain: { speed_km_s: { low: 8.0, high: 9.0, confidence: notional, source: int-sm3-common-figures, calibrated_to: x } }", "is not a number of")]
    [InlineData("uncertain: { burnout_speed_km_s: { low: 9.5, high: 8.0, confidence: notional, source: int-sm3-common-figures, calibrated_to: x } }", "needs low <= high")]
    [InlineData("uncertain: { burnout_speed_km_s: { low: 8.0, high: 9.0, confidence: reported, source: nowhere } }", "no source 'nowhere'")]
    [InlineData("uncertain: { burnout_speed_km_s: { low: 8.0, high: 9.0, distribution: normal, confidence: notional, source: int-sm3-common-figures, calibrated_to: x } }", "unknown distribution 'normal'")]
    public void ABadRangeIsAProblemThatSaysWhy(string block, string expected)
    {
        string text = BuiltInText("catalog/interceptors.yaml").Replace("  - id: gbi-3-stage\n", "  - id: gbi-3-stage\n    " + block + "\n", StringComparison.Ordinal);
        var files = BuiltInFiles().Select(f => f.File.EndsWith("catalog/interceptors.yaml", StringComparison.Ordinal) ? (f.File, text) : f);
        BulwarkCatalog catalog = BulwarkCatalog.FromTexts(files);
        Assert.True(catalog.Problems.Any(p => p.Message.Contains(expected, StringComparison.Ordinal)),
            $"expected a problem with '{expected}'; got: {string.Join(" | ", catalog.Problems.Select(p => p.Message))}");
    }

    [Fact]
    public void ACatalogWithAChangedSpeedScalesTheInterceptorAndLeavesTheOriginalAlone()
    {
        BulwarkCatalog changed = Catalog.WithValues([("sm-3-ib", "burnout_speed_km_s", 3.5), ("an-tpy-2", "detection_range_km", 900)], "a test");
        Assert.Equal(3000, Catalog.Interceptor("sm-3-ib").BurnoutSpeedMPerS, 6);
        Assert.Equal(3500, changed.Interceptor("sm-3-ib").BurnoutSpeedMPerS, 6);
        Assert.NotEqual(Catalog.Interceptor("sm-3-ib").Rocket, changed.Interceptor("sm-3-ib").Rocket);
        Assert.Equal("900", changed.Find("an-tpy-2")!.ScalarAt("detection_range_km"));
        Assert.Equal("1500", Catalog.Find("an-tpy-2")!.ScalarAt("detection_range_km"));
        Assert.Throws<InputException>(() => Catalog.WithValues([("sm-3-ib", "no_such_km", 1)], "a test"));
        Assert.Throws<InputException>(() => Catalog.WithValues([("no-such-entry", "burnout_speed_km_s", 1)], "a test"));
    }

    private static IEnumerable<(string File, string Text)> BuiltInFiles()
    {
        var assembly = typeof(BulwarkCatalog).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("catalog/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            }).ToList();
    }

    private static string BuiltInText(string file) => BuiltInFiles().Single(f => f.File.EndsWith(file, StringComparison.Ordinal)).Text;
}
