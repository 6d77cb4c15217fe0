using System.Globalization;

namespace Bulwark.Tests.Validation;

/// <summary>One row of a NESC reference simulator (published US customary units).</summary>
internal sealed record NescRow(string Simulator, double TimeS, double AltitudeFt, double LatitudeDeg, double LongitudeDeg, double VNorthFtS, double VEastFtS, double VDownFtS);

/// <summary>The trimmed NESC check-case data in Data/Nesc (see its README for the source and attribution).</summary>
internal static class NescReference
{
    public const double FeetPerMetre = 1 / 0.3048;

    public static IReadOnlyList<NescRow> Load(string caseName)
    {
        var rows = new List<NescRow>();
        foreach (string line in File.ReadLines(TestData.Path("Data", "Nesc", caseName + ".csv")).Skip(1))
        {
            string[] f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new NescRow(f[0], D(1), D(2), D(3), D(4), D(5), D(6), D(7)));
        }

        return rows;
    }

    /// <summary>The smallest and largest value of a quantity over the simulators at a time.</summary>
    public static (double Min, double Max, int Count) Band(IReadOnlyList<NescRow> rows, double timeS, Func<NescRow, double> quantity, Func<NescRow, bool>? include = null)
    {
        var values = rows.Where(r => r.TimeS == timeS && (include?.Invoke(r) ?? true)).Select(quantity).ToList();
        return (values.Min(), values.Max(), values.Count);
    }
}
