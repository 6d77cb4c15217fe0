using Bulwark.Sweeps;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// Synthetic models whose answers are computable by hand: margin = 2a − b, "covered" = margin &gt; 0, and an input c that
/// moves nothing. With a = 4 [2, 5] and b = 6.4 [6, 9], the nominal margin is 1.6 (covered); a flips it below 3.2, b above 8.
/// </summary>
internal static class SweepFixtures
{
    public static readonly UncertainInput A = new("a", "m/s", 4, 2, 5, Source: "test");
    public static readonly UncertainInput B = new("b", "m/s", 6.4, 6, 9, InputDistribution.Triangular);
    public static readonly UncertainInput C = new("c", "", 1, 0, 2);

    public static IReadOnlyList<UncertainInput> Inputs => [A, B, C];

    public static Outcomes Model(InputSet x)
    {
        double margin = 2 * x["a"] - x["b"];
        return new Outcomes()
            .Number("margin", margin)
            .YesNo("covered", margin > 0)
            .Number("odd", x["c"] > 1.5 ? double.NaN : 1 / (1 + x["a"] * x["a"]));
    }

    /// <summary>Runs a design with the test's cancellation token.</summary>
    public static SweepResult RunAll(this SweepRunner runner, SweepDesign design, Func<InputSet, Outcomes> evaluate) =>
        runner.Run(design, evaluate, TestContext.Current.CancellationToken);

    public static string TempFolder() => Path.Combine(Path.GetTempPath(), "bulwark-sweep-tests-" + Guid.NewGuid().ToString("N"));

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
