using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Bulwark.Bench;

/// <summary>
/// A short job for a small shared machine: one launch, 3 warm-up and 5 measured iterations of about 0.5 s each (a
/// 1-second operation runs once per iteration), plus the work columns (<see cref="WorkColumn"/>).
/// </summary>
public class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short5"));
        AddColumn(WorkColumn.All);
    }
}
