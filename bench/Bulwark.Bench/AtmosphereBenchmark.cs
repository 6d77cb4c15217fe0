using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bulwark.Atmosphere;

namespace Bulwark.Bench;

/// <summary>
/// The shortcut against the direct computation: <see cref="UsStandardAtmosphere1976.At"/> (closed form below 86 km, the
/// 0.25 km cubic-Hermite table above) against <see cref="UsStandardAtmosphere1976.AtDirect"/> (RK4 integration of the
/// standard's diffusion equations from 86 km up). The RelErr column is max(|P/P_direct − 1|, |ρ/ρ_direct − 1|) at that
/// altitude. 300.125 and 900.125 km lie midway between table nodes (on a node the interpolation is exact); 109.9 km is near
/// the worst case. The tests bound the table's error over 86–1000 km at 1e−7 and measure 3.6e−8 at worst, near 109.9 km
/// (tests/Bulwark.Tests/Atmosphere/UsStandardAtmosphere1976Tests.cs, TableMatchesDirectIntegrationWithin1e7).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AtmosphereBenchmark.ErrorConfig))]
public class AtmosphereBenchmark
{
    [Params(40.0, 109.9, 300.125, 900.125)]
    public double AltitudeKm { get; set; }

    [Benchmark(Baseline = true)]
    public AtmosphereState Table() => UsStandardAtmosphere1976.Instance.At(AltitudeKm * 1000);

    [Benchmark]
    public AtmosphereState Direct() => UsStandardAtmosphere1976.AtDirect(AltitudeKm * 1000);

    /// <summary>max(|P/P_direct − 1|, |ρ/ρ_direct − 1|) of the table at <paramref name="altitudeKm"/>.</summary>
    public static double RelativeError(double altitudeKm)
    {
        AtmosphereState t = UsStandardAtmosphere1976.Instance.At(altitudeKm * 1000);
        AtmosphereState d = UsStandardAtmosphere1976.AtDirect(altitudeKm * 1000);
        return Math.Max(Math.Abs(t.PressurePa / d.PressurePa - 1), Math.Abs(t.DensityKgPerM3 / d.DensityKgPerM3 - 1));
    }

    /// <summary><see cref="BenchConfig"/> plus the RelErr column.</summary>
    public sealed class ErrorConfig : BenchConfig
    {
        public ErrorConfig() => AddColumn(new RelativeErrorColumn());
    }

    private sealed class RelativeErrorColumn : IColumn
    {
        public string Id => nameof(RelativeErrorColumn);

        public string ColumnName => "RelErr";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "max(|P/P_direct - 1|, |rho/rho_direct - 1|) of the table at this altitude (0 for Direct itself)";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(Table))
            {
                return "0";
            }

            double altitudeKm = Convert.ToDouble(benchmarkCase.Parameters[nameof(AltitudeKm)], CultureInfo.InvariantCulture);
            return RelativeError(altitudeKm).ToString("E1", CultureInfo.InvariantCulture);
        }
    }
}
