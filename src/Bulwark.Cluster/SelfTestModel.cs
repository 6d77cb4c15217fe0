using System.Text.Json;
using Bulwark.Sweeps;

namespace Bulwark.Cluster;

/// <summary>
/// The <c>selftest</c> sweep model, for the cluster's own tests and throughput checks: a closed-form function of the
/// inputs that sleeps <c>delay_ms</c> first (so a worker killed mid-sweep has runs in flight). Its spec is JSON,
/// <c>{"delay_ms": 200}</c> (default 0). Outcomes, for inputs x₀…xₙ₋₁: <c>weighted_sum</c> = Σ (i + 1)·xᵢ,
/// <c>spread</c> = max − min, <c>norm</c> = √Σ xᵢ², and the yes/no <c>sum_positive</c> = weighted_sum &gt; 0.
/// </summary>
public static class SelfTestModel
{
    /// <summary>The kind's name.</summary>
    public const string Kind = "selftest";

    /// <summary>Registers the kind with <see cref="SweepModels"/>.</summary>
    public static void Register() => SweepModels.Register(Kind, Evaluator);

    /// <summary>A job of this kind sleeping <paramref name="delayMs"/> per run, at this build's model version.</summary>
    public static SweepJob Job(int delayMs) => new(Kind, $$"""{"delay_ms":{{delayMs}}}""", SweepVersion.Current);

    /// <summary>The evaluator for a spec.</summary>
    /// <exception cref="ArgumentException">the spec is not a JSON object with a non-negative integer <c>delay_ms</c></exception>
    public static Func<InputSet, Outcomes> Evaluator(string spec)
    {
        int delayMs = 0;
        try
        {
            using var doc = JsonDocument.Parse(spec);
            if (doc.RootElement.TryGetProperty("delay_ms", out JsonElement d))
            {
                delayMs = d.GetInt32();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"the selftest spec is not {{\"delay_ms\": N}}: {e.Message}", nameof(spec), e);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(delayMs, "delay_ms");
        return inputs =>
        {
            if (delayMs > 0)
            {
                Thread.Sleep(delayMs);
            }

            return Evaluate(inputs);
        };
    }

    /// <summary>The closed-form outcomes (no delay).</summary>
    public static Outcomes Evaluate(InputSet inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        double sum = 0, squares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < inputs.Count; i++)
        {
            double x = inputs.Values[i].Value;
            sum += (i + 1) * x;
            squares += x * x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return new Outcomes()
            .Number("weighted_sum", sum)
            .Number("spread", inputs.Count == 0 ? 0 : max - min)
            .Number("norm", Math.Sqrt(squares))
            .YesNo("sum_positive", sum > 0);
    }
}
