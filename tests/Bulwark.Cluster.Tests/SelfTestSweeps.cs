using Bulwark.Output;
using Bulwark.Sweeps;

namespace Bulwark.Cluster.Tests;

/// <summary>Designs of the <c>selftest</c> model and their reference results on this machine's threads.</summary>
internal static class SelfTestSweeps
{
    static SelfTestSweeps() => SelfTestModel.Register();

    /// <summary>k inputs with distinct ranges (so every run of a one-at-a-time design has its own key).</summary>
    public static IReadOnlyList<UncertainInput> Inputs(int k) =>
        [.. Enumerable.Range(0, k).Select(i => new UncertainInput($"x{i}", "1", 0.1 * i - 0.7, 0.1 * i - 1.3, 0.1 * i + 0.45, InputDistribution.Uniform, "selftest"))];

    /// <summary>One at a time over 20 inputs: 41 runs.</summary>
    public static SweepDesign OneAtATime() => SweepDesign.OneAtATime("selftest", SweepVersion.Current, Inputs(20));

    /// <summary>A Latin hypercube of 40 runs over 5 inputs.</summary>
    public static SweepDesign LatinHypercube() => SweepDesign.LatinHypercube("selftest", SweepVersion.Current, Inputs(5), 40, seed: 17);

    /// <summary>The design's runs.csv text as the local executor gives it (the model without its delay).</summary>
    public static string Reference(SweepDesign design)
    {
        string dir = TempDir();
        using var store = new RunStore(Path.Combine(dir, "runs.sqlite"));
        SweepResult result = new SweepRunner(store, 4).Run(design, new LocalExecutor(SweepModels.Evaluator(SelfTestModel.Job(0)), 4));
        return SweepCsv.Write(result.Rows);
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bulwark-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
