using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Bulwark.Bench;

/// <summary>How much work one operation of a benchmark does.</summary>
/// <param name="Trajectories">trajectories flown per operation (0 when the benchmark flies none)</param>
/// <param name="Evaluations">derivative evaluations (calls of EquationsOfMotion.Derivative) per operation</param>
public readonly record struct BenchmarkWork(double Trajectories, double Evaluations);

/// <summary>
/// A benchmark class that can say how much work each of its methods does per operation. The flights are deterministic, so
/// the host process computes this once by doing the work itself (the measured process does the same work).
/// </summary>
public interface IReportsWork
{
    /// <summary>The work of one operation of <paramref name="method"/>, or null when it has no meaning there.</summary>
    BenchmarkWork? WorkPerOperation(string method);
}

/// <summary>Columns derived from <see cref="IReportsWork"/> and the measured mean: trajectories/s, evaluations/s, ns per evaluation.</summary>
public sealed class WorkColumn : IColumn
{
    private static readonly ConcurrentDictionary<(Type, string), BenchmarkWork?> Cache = new();
    private readonly Func<BenchmarkWork, double?, double?> _value;
    private readonly string _format;

    private WorkColumn(string name, string legend, string format, Func<BenchmarkWork, double?, double?> value)
    {
        ColumnName = name;
        Legend = legend;
        _format = format;
        _value = value;
    }

    /// <summary>Traj/op, Evals/op, Evals/traj, Traj/s, Evals/s, ns/eval.</summary>
    public static readonly IColumn[] All =
    [
        new WorkColumn("Traj/op", "Trajectories flown per operation", "N0", (w, _) => w.Trajectories > 0 ? w.Trajectories : null),
        new WorkColumn("Evals/op", "Derivative evaluations per operation", "N0", (w, _) => w.Evaluations),
        new WorkColumn("Evals/traj", "Derivative evaluations per trajectory (Evals/op / Traj/op)", "N0",
            (w, _) => w.Trajectories > 0 ? w.Evaluations / w.Trajectories : null),
        new WorkColumn("Traj/s", "Trajectories per second at the measured mean", "N1",
            (w, ns) => w.Trajectories > 0 && ns > 0 ? w.Trajectories / (ns.Value * 1e-9) : null),
        new WorkColumn("Evals/s", "Derivative evaluations per second at the measured mean", "N0",
            (w, ns) => w.Evaluations > 0 && ns > 0 ? w.Evaluations / (ns.Value * 1e-9) : null),
        new WorkColumn("ns/eval", "Measured mean / Evals/op: everything the operation does, per derivative evaluation", "N1",
            (w, ns) => w.Evaluations > 0 && ns > 0 ? ns.Value / w.Evaluations : null),
    ];

    public string Id => nameof(WorkColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Work(c) is not null);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Work(benchmarkCase) is not { } work)
        {
            return "-";
        }

        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? v = _value(work, meanNs);
        return v is { } x ? x.ToString(_format, CultureInfo.InvariantCulture) : "-";
    }

    public override string ToString() => ColumnName;

    private static BenchmarkWork? Work(BenchmarkCase c)
    {
        Type type = c.Descriptor.Type;
        string method = c.Descriptor.WorkloadMethod.Name;
        return Cache.GetOrAdd((type, method), key =>
            typeof(IReportsWork).IsAssignableFrom(key.Item1) && Activator.CreateInstance(key.Item1) is IReportsWork r
                ? r.WorkPerOperation(key.Item2)
                : null);
    }
}
