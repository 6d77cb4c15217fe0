using Bulwark.Geography;

namespace Bulwark.Analysis.Footprint;

/// <summary>
/// A country's share of a footprint. Area: the country's polygons clipped to each cell (<see cref="CountryCells"/>,
/// exact for the 1:50m borders), summed over the defended (threatened) cells, over the country's whole area (so the
/// part outside the region counts as not defended). Population: each GeoNames city (<see cref="Cities"/>) counts whole
/// in the cell that holds its point; the country's population is the sum of its cities.
/// </summary>
public static class Coverage
{
    /// <summary>The coverage of <paramref name="iso3"/> when cell k is in state <paramref name="state"/>(k).</summary>
    public static CountryCoverage Of(LatLonGrid grid, Func<int, CellDefence> state, string iso3, bool member)
    {
        Country country = Countries.ByIso3(iso3) ?? throw new InputException(null, null, null, "countries", $"no country '{iso3}' in the borders layer");
        double total = Countries.AreaM2(country), inRegion = 0, threatened = 0, defended = 0;
        foreach (var (cell, area) in CountryCells.Of(grid, country))
        {
            inRegion += area;
            threatened += state(cell) != CellDefence.NotThreatened ? area : 0;
            defended += state(cell) == CellDefence.Defended ? area : 0;
        }

        double people = 0, peopleThreatened = 0, peopleDefended = 0;
        foreach (City city in Cities.Of(iso3))
        {
            people += city.PopulationCount;
            int k = grid.IndexOf(city.LatDeg, city.LonDeg);
            if (k >= 0)
            {
                peopleThreatened += state(k) != CellDefence.NotThreatened ? city.PopulationCount : 0;
                peopleDefended += state(k) == CellDefence.Defended ? city.PopulationCount : 0;
            }
        }

        double Pct(double x, double of) => of > 0 ? 100 * x / of : 0;
        return new CountryCoverage(iso3, country.Name, total / 1e6, Pct(inRegion, total), Pct(threatened, total), Pct(defended, total),
            people, Pct(peopleThreatened, people), Pct(peopleDefended, people), member);
    }
}
