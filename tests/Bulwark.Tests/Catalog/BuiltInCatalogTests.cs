using System.Text.RegularExpressions;
using Bulwark.Catalog;
using Bulwark.Output;
using Bulwark.Geography;
using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Catalog;

/// <summary>The built-in catalog: complete, every number with a unit, a source and a confidence, and docs/catalog.md in sync.</summary>
public partial class BuiltInCatalogTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    [Fact]
    public void TheCatalogReadsWithoutProblems() =>
        Assert.True(Catalog.Problems.Count == 0, string.Join("\n", Catalog.Problems.Select(p => p.Message)));

    /// <summary>DESIGN §6: every number carries its unit, its source and its confidence.</summary>
    [Fact]
    public void EveryNumberHasAUnitASourceAndAConfidence()
    {
        var missing = new List<string>();
        int numbers = 0;
        foreach (CatalogEntry e in Catalog.Entries)
        {
            foreach (var (path, node) in e.Numbers())
            {
                numbers++;
                Provenance? p = e.ProvenanceOf(path);
                if (Units.Of(path) is null)
                {
                    missing.Add($"{e.Id}.{path}: no unit");
                }

                if (p is null)
                {
                    missing.Add($"{e.Id}.{path}: no provenance");
                }
                else if (p.SourceId is not { } s || !Catalog.Sources.ContainsKey(s))
                {
                    missing.Add($"{e.Id}.{path}: source '{p.SourceId}' not in the bibliography");
                }
                else if (p.Confidence == Confidence.Notional && string.IsNullOrWhiteSpace(p.CalibratedTo))
                {
                    missing.Add($"{e.Id}.{path}: notional without the figure it is calibrated to");
                }
                else if (p.Confidence == Confidence.Derived && string.IsNullOrWhiteSpace(p.Derivation))
                {
                    missing.Add($"{e.Id}.{path}: derived without its derivation");
                }

                _ = node;
            }
        }

        Assert.True(numbers > 300, $"only {numbers} numbers: the walk found too little");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>The ids that docs, tests and users rely on (issue "The Lisbon-2010 catalog", item 8).</summary>
    [Theory]
    [InlineData("places", "deveselu redzikowo kurecik brdy gabala armavir fylingdales thule rota semnan shahrud tabriz qom kozelsk tatishchevo teykovo yoshkar-ola novosibirsk dombarovsky uzhur washington new-york warsaw bucharest ankara moscow")]
    [InlineData("missiles", "shahab-3 ghadr-1 sejjil-2 sejjil-3 iran-icbm topol-m ss-18")]
    [InlineData("interceptors", "sm-3-ia sm-3-ib sm-3-iia sm-3-iib gbi-2-stage-mda gbi-2-stage-postol gbi-3-stage russian-exo-notional")]
    [InlineData("sensors", "an-tpy-2 an-spy-1 emr uewr-fylingdales daryal-gabala voronezh-dm-armavir sbirs")]
    [InlineData("architectures", "third-site-2007 epaa-phase-1-2011 epaa-phase-2-2015 epaa-phase-3-2018 epaa-phase-4-2020 nato-russia-shared-radars nato-russia-sectoral")]
    [InlineData("threat-sets", "iran-to-europe iran-to-us russia-to-us")]
    public void TheCatalogHasTheIdsUsersRelyOn(string kind, string ids)
    {
        foreach (string id in ids.Split(' '))
        {
            Assert.True(Catalog.Find(id)?.Kind == kind, $"no {kind} entry '{id}'");
        }
    }

    /// <summary>The capitals of the 28 members of 2010 and the four that joined since (flagged with the year).</summary>
    [Fact]
    public void EveryNatoCapitalIsThereAndLaterMembersAreFlagged()
    {
        var capitals = Catalog.OfKind("places").Select(e => PlaceReader.Read(e.Node)).Where(p => p.Has("capital") && p.Country is not "RUS").ToList();
        Assert.Equal(28, capitals.Count(p => p.JoinedNato is null));
        Assert.Equal([2017, 2020, 2023, 2024], capitals.Where(p => p.JoinedNato is not null).Select(p => p.JoinedNato!.Value).Order());
    }

    [Fact]
    public void IdsAreLowercaseKebabCase()
    {
        foreach (CatalogEntry e in Catalog.Entries)
        {
            Assert.Matches(KebabCase(), e.Id);
        }
    }

    /// <summary>docs/catalog.md is generated from the catalog: regenerate it with `bulwark catalog --format markdown > docs/catalog.md`.</summary>
    [Fact]
    public void DocsCatalogIsInSyncWithTheCatalog()
    {
        string expected = CatalogMarkdown.Render(Catalog);
        string actual = TestData.Read("docs", "catalog.md");
        Assert.True(expected == actual, "docs/catalog.md is out of date: run `dotnet run --project src/Bulwark.Cli -- catalog --format markdown > docs/catalog.md`");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
