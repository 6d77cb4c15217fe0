using Bulwark.Catalog;
using Bulwark.Geography;

namespace Bulwark.Analysis.Footprint;

/// <summary>NATO's members as the catalog's capitals record them (<c>member_2010</c>, <c>joined_nato</c>).</summary>
public static class NatoMembers
{
    /// <summary>Alpha-3 codes of the members in <paramref name="year"/> (2010: the 28 of the Lisbon summit), sorted.</summary>
    public static IReadOnlyList<string> In(BulwarkCatalog catalog, int year) =>
        [.. catalog.OfKind("places")
            .Where(e => e.ScalarAt("member_2010") is not null)
            .Select(e => (Place: catalog.Place(e.Id), In2010: e.ScalarAt("member_2010") == "true"))
            .Where(x => x.Place.Has("capital") && x.Place.Country is not null && (x.In2010 || (year > 2010 && x.Place.JoinedNato is { } j && j <= year)))
            .Select(x => x.Place.Country!)
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
