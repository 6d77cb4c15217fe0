using BenchmarkDotNet.Attributes;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Raids;

namespace Bulwark.Bench;

/// <summary>
/// Raid Monte Carlo throughput: 2,000 trials of the shipped 10-missile Iranian raid on Europe against
/// <c>epaa-phase-3-2018</c> (scenarios/raid-iran-10-on-europe-epaa-phase-3-2018.yaml: weighted targets, launch-time
/// and sensor-delay draws, a fresh assignment every trial), on one thread and on every core. The flights, sensor
/// picture and reach tables are built once in the setup (they are not per trial). Trials per second = 2,000 / mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class RaidBenchmark
{
    private const int Trials = 2000;
    private RaidProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        Scenario s = ScenarioLoader.Load(Examples.EuropeRaid, Examples.Read(Examples.EuropeRaid));
        var context = new AnalysisContext(s.Catalog);
        var flown = RaidSetup.Fly(context, s);
        _problem = RaidSetup.Problem(context, s, s.Architecture!, flown);
    }

    [Benchmark]
    public double OneThread() => RaidSimulation.Run(_problem, new RaidRunOptions(Trials, 1, 1)).MeanLeakers;

    [Benchmark]
    public double AllCores() => RaidSimulation.Run(_problem, new RaidRunOptions(Trials, 1)).MeanLeakers;
}
