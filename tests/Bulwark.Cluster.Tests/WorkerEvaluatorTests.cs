using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>The worker's side of a job, in process: refusals, cached evaluators, exact JSON both ways.</summary>
public class WorkerEvaluatorTests
{
    static WorkerEvaluatorTests() => SelfTestModel.Register();

    private static readonly string Inputs = """{"x0":0.1,"x1":-0.30000000000000004,"x2":5E-324}""";

    [Fact]
    public async Task AJobOfAnotherModelVersionIsRefusedSayingBoth()
    {
        var lines = new List<string>();
        var worker = new WorkerEvaluator("w", 1, lines.Add);
        RunReply reply = await worker.Evaluate(new JobText(SelfTestModel.Kind, "{}", "0123"), Inputs);
        Assert.Null(reply.OutcomesJson);
        Assert.Contains("model version is 0123", reply.Refusal);
        Assert.Contains(SweepVersion.Current, reply.Refusal);
        Assert.Single(lines, l => l.StartsWith("refused a job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownKindIsRefusedNamingTheKnownOnes()
    {
        var worker = new WorkerEvaluator("w", 1, _ => { });
        RunReply reply = await worker.Evaluate(new JobText("no-such-model", "{}", SweepVersion.Current), Inputs);
        Assert.Contains("no sweep model of kind 'no-such-model'", reply.Refusal);
        Assert.Contains(SelfTestModel.Kind, reply.Refusal);
    }

    [Fact]
    public async Task ARunComesBackAsTheStoreJsonOfTheModelsOutcomes()
    {
        var worker = new WorkerEvaluator("w", 2, _ => { });
        JobText job = new(SelfTestModel.Kind, """{"delay_ms":0}""", SweepVersion.Current);
        RunReply reply = await worker.Evaluate(job, Inputs);
        Assert.Null(reply.Refusal);
        Assert.Null(reply.Failure);
        Assert.Equal(RunJson.Outcomes(SelfTestModel.Evaluate(RunJson.ReadInputs(Inputs))), reply.OutcomesJson);
        Assert.Equal(1, worker.Done);
    }

    [Fact]
    public async Task ABadSpecFailsTheRunWithTheModelsMessage()
    {
        var worker = new WorkerEvaluator("w", 1, _ => { });
        RunReply reply = await worker.Evaluate(new JobText(SelfTestModel.Kind, "{\"delay_ms\": -5}", SweepVersion.Current), Inputs);
        Assert.Null(reply.Refusal);
        Assert.Contains("delay_ms", reply.Failure);
    }

    [Fact]
    public async Task EachJobsEvaluatorIsBuiltOnce()
    {
        int built = 0;
        SweepModels.Register("counting", spec =>
        {
            Interlocked.Increment(ref built);
            return SelfTestModel.Evaluate;
        });
        var worker = new WorkerEvaluator("w", 4, _ => { });
        JobText job = new("counting", "{}", SweepVersion.Current);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => worker.Evaluate(job, Inputs)));
        Assert.Equal(1, built);
        Assert.Equal(20, worker.Done);
    }
}
