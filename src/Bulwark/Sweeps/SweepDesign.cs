using System.Globalization;
using System.Text;
using Bulwark.Caching;

namespace Bulwark.Sweeps;

/// <summary>What a run is for in its design.</summary>
public enum RunRole
{
    /// <summary>Every input at its nominal value.</summary>
    Nominal,

    /// <summary>One input at its low value, the others nominal.</summary>
    Low,

    /// <summary>One input at its high value, the others nominal.</summary>
    High,

    /// <summary>A sampled run: every input drawn.</summary>
    Sample,

    /// <summary>A run that locates a flip: one input between its nominal value and an end, the others nominal.</summary>
    Bisection,

    /// <summary>One variant at a level other than its nominal one, the other inputs nominal.</summary>
    Variant,
}

/// <summary>One run of a design.</summary>
/// <param name="Ordinal">its place in the design, from 0</param>
/// <param name="Role">nominal, low, high, variant or sample</param>
/// <param name="Varied">the input set low, high or to another level (null for nominal and sampled runs)</param>
/// <param name="Inputs">every input's value</param>
/// <param name="Key">the run's <see cref="RunKey"/></param>
public sealed record SweepRun(int Ordinal, RunRole Role, string? Varied, InputSet Inputs, string Key);

/// <summary>
/// A sweep's runs, in order: one at a time (the nominal run, then each number's low and high runs and each variant's
/// other levels: 2k + 1 for k numbers) for tornado
/// plots and what flips, or a seeded Latin hypercube over every input together for bands (docs/sweeps.md). A design is
/// fully determined by its study, version, inputs and (for a sample) size and seed: the same arguments give the same
/// runs, keys and <see cref="Id"/> on every machine.
/// </summary>
public sealed class SweepDesign
{
    private SweepDesign(string kind, string studyId, string modelVersion, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<SweepRun> runs)
    {
        Kind = kind;
        StudyId = studyId;
        ModelVersion = modelVersion;
        Inputs = inputs;
        Runs = runs;
        var sb = new StringBuilder();
        foreach (SweepRun r in runs)
        {
            sb.Append(r.Key).Append(' ').Append(r.Role).Append(' ').Append(r.Varied).Append('\n');
        }

        Id = $"{kind}-{DiskStore.KeyOf(sb.ToString())[..16]}";
    }

    /// <summary>The design's kind: <c>one-at-a-time</c> or <c>latin-hypercube</c>.</summary>
    public string Kind { get; }

    /// <summary>
    /// The sweep's name in the store: the kind and the first 16 hex digits of the SHA-256 of every run's key and role in
    /// order, so a changed range, seed, size, study or version is another sweep (and the runs it shares are reused).
    /// </summary>
    public string Id { get; }

    /// <summary>The study the runs belong to (part of every key).</summary>
    public string StudyId { get; }

    /// <summary>The caller's model and code version (part of every key).</summary>
    public string ModelVersion { get; }

    /// <summary>The uncertain inputs, in order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>The runs, in order (ordinal = index).</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>
    /// The one-at-a-time design: run 0 has every input nominal; then, input by input in order, a number's low and then its
    /// high value (two runs), or a variant at each of its levels but the nominal one, in the levels' order (count − 1
    /// runs), the others nominal. With numbers only, runs 2i + 1 and 2i + 2 are input i's. A number whose low (or high)
    /// equals its nominal value gives a run with the nominal run's key: the store keeps it once.
    /// </summary>
    public static SweepDesign OneAtATime(string studyId, string modelVersion, IReadOnlyList<UncertainInput> inputs)
    {
        var checkedInputs = Check(studyId, modelVersion, inputs);
        double[] nominal = [.. checkedInputs.Select(i => i.Nominal)];
        var runs = new List<SweepRun> { Run(0, RunRole.Nominal, null, checkedInputs, nominal, studyId, modelVersion) };
        for (int i = 0; i < checkedInputs.Count; i++)
        {
            if (checkedInputs[i].Levels is { } levels)
            {
                for (int level = 0; level < levels.Count; level++)
                {
                    if (level != (int)nominal[i])
                    {
                        double[] values = [.. nominal];
                        values[i] = level;
                        runs.Add(Run(runs.Count, RunRole.Variant, checkedInputs[i].Name, checkedInputs, values, studyId, modelVersion));
                    }
                }

                continue;
            }

            foreach (RunRole role in (RunRole[])[RunRole.Low, RunRole.High])
            {
                double[] values = [.. nominal];
                values[i] = role == RunRole.Low ? checkedInputs[i].Low : checkedInputs[i].High;
                runs.Add(Run(runs.Count, role, checkedInputs[i].Name, checkedInputs, values, studyId, modelVersion));
            }
        }

        return new SweepDesign("one-at-a-time", studyId, modelVersion, checkedInputs, runs);
    }

    /// <summary>
    /// A Latin hypercube of <paramref name="runs"/> runs over every input together: each input's range is cut into
    /// <paramref name="runs"/> strata of equal probability and each stratum is used once. With <see cref="SweepRandom"/>
    /// seeded by <paramref name="seed"/>, for each input in order: a Fisher–Yates shuffle of the strata (draws
    /// <c>NextBelow(j + 1)</c> for j = n − 1 down to 1), then one <c>NextDouble</c> per run for the place within its
    /// stratum; run r's input value is the input's <see cref="UncertainInput.Quantile"/> at (stratum + draw) / n.
    /// </summary>
    public static SweepDesign LatinHypercube(string studyId, string modelVersion, IReadOnlyList<UncertainInput> inputs, int runs, ulong seed)
    {
        var checkedInputs = Check(studyId, modelVersion, inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var random = new SweepRandom(seed);
        var values = new double[runs][];
        for (int r = 0; r < runs; r++)
        {
            values[r] = new double[checkedInputs.Count];
        }

        for (int i = 0; i < checkedInputs.Count; i++)
        {
            int[] strata = [.. Enumerable.Range(0, runs)];
            for (int j = runs - 1; j >= 1; j--)
            {
                int k = (int)random.NextBelow((ulong)(j + 1));
                (strata[j], strata[k]) = (strata[k], strata[j]);
            }

            for (int r = 0; r < runs; r++)
            {
                double u = (strata[r] + random.NextDouble()) / runs;
                values[r][i] = checkedInputs[i].Quantile(Math.Min(u, 1.0));
            }
        }

        var list = new List<SweepRun>(runs);
        for (int r = 0; r < runs; r++)
        {
            list.Add(Run(r, RunRole.Sample, null, checkedInputs, values[r], studyId, modelVersion));
        }

        return new SweepDesign("latin-hypercube", studyId, modelVersion, checkedInputs, list);
    }

    /// <summary>The runs that vary input <paramref name="input"/> alone: a number's low and high runs, a variant's level runs, in order.</summary>
    public IReadOnlyList<SweepRun> RunsVarying(string input) => [.. Runs.Where(r => r.Varied == input && r.Role != RunRole.Sample)];

    /// <summary>The run of role <paramref name="role"/> (Low or High) for input <paramref name="input"/>, or the nominal run.</summary>
    /// <exception cref="KeyNotFoundException">the design has no such run (a sampled design has no nominal run)</exception>
    public SweepRun RunFor(RunRole role, string? input = null) =>
        Runs.FirstOrDefault(r => r.Role == role && r.Varied == input)
        ?? throw new KeyNotFoundException($"the {Kind} design has no {role.ToString().ToLowerInvariant()} run{(input is null ? "" : $" for '{input}'")}");

    private static List<UncertainInput> Check(string studyId, string modelVersion, IReadOnlyList<UncertainInput> inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        ArgumentNullException.ThrowIfNull(modelVersion);
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (UncertainInput i in list)
        {
            ArgumentNullException.ThrowIfNull(i);
            if (!names.Add(i.Name))
            {
                throw new ArgumentException($"input '{i.Name}' is given twice", nameof(inputs));
            }
        }

        return list;
    }

    private static SweepRun Run(int ordinal, RunRole role, string? varied, List<UncertainInput> inputs, double[] values, string studyId, string modelVersion)
    {
        var set = new InputSet(inputs.Select((input, i) => KeyValuePair.Create(input.Name, values[i])));
        return new SweepRun(ordinal, role, varied, set, RunKey.Of(studyId, modelVersion, set));
    }

    /// <summary>A short description for logs: kind, run count and id.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}: {Runs.Count} runs ({Id})");
}
