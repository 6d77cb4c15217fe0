using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Engagement.Reach;

namespace Bulwark.Tests;

/// <summary>Paths of the data files copied next to the test assembly, and the analysis context tests share.</summary>
internal static class TestData
{
    /// <summary>
    /// Reach tables shared by every test in the run (building one flies thousands of fly-outs; the tables depend only on
    /// the interceptor, site and options, so sharing them changes no result).
    /// </summary>
    public static readonly ReachTableProvider Reach = new(capacity: 256);

    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>The default world over <paramref name="catalog"/> (the built-in one when null), with the shared reach tables.</summary>
    public static AnalysisContext Context(BulwarkCatalog? catalog = null) => new(catalog ?? BulwarkCatalog.BuiltIn, reach: Reach);
}
