using Bulwark.Catalog.Studies;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>Where a study's sweep stands: its phase and the runner's progress in it.</summary>
/// <param name="Phase">"one at a time", "sample" or "locating flips"</param>
/// <param name="Runs">the runner's progress in the phase</param>
public readonly record struct SensitivityProgress(string Phase, SweepProgress Runs);

/// <summary>
/// A study's sweep (docs/sweeps.md): the one-at-a-time design (each input low and high, the others nominal) for the
/// tornado of every conclusion and the inputs that flip each yes/no answer (a variant at each of its other levels); a
/// seeded Latin hypercube over every input together for the bands; then each flip of a number located by bisection
/// between the nominal value and the end of the range that flips it (a variant's flip is its level: nothing lies between). Every run goes through the <see cref="RunStore"/> (found there, or computed and kept), so an interrupted
/// sweep resumes where it stopped, and the result is the same bits whatever the interruptions and thread counts.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The most bisection runs one sweep makes to locate flips (later flips are reported unlocated).</summary>
    public const int MaxBisectionRuns = 64;

    /// <summary>Runs the sweep.</summary>
    /// <param name="studyId">the study's id (for the result)</param>
    /// <param name="studyKey">the study's key in the runs (<see cref="StudyModel.StudyKey"/>)</param>
    /// <param name="version">the model version (<see cref="StudyModel.Version"/>)</param>
    /// <param name="inputs">the uncertain inputs</param>
    /// <param name="settings">sample size, seed, bisection steps</param>
    /// <param name="store">where runs are kept</param>
    /// <param name="executor">what evaluates a run (this machine's threads, or a cluster)</param>
    /// <param name="progress">told after each run</param>
    /// <param name="cancellation">stops starting runs (finished ones stay stored)</param>
    public static SensitivityResult Run(string studyId, string studyKey, string version, IReadOnlyList<StudyInput> inputs,
        SweepSettings settings, RunStore store, IRunExecutor executor, IProgress<SensitivityProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        UncertainInput[] uncertain = [.. inputs.Select(i => i.Input)];

        SweepResult Phase(string phase, SweepDesign design) =>
            new SweepRunner(store, 1, progress is null ? null : new Progress(p => progress.Report(new SensitivityProgress(phase, p))))
                .Run(design, executor, cancellation);

        SweepDesign oat = SweepDesign.OneAtATime(studyKey, version, uncertain);
        SweepResult oatRuns = Phase("one at a time", oat);
        RunRow nominal = oatRuns.Rows[oat.RunFor(RunRole.Nominal).Ordinal];
        IReadOnlyList<Conclusion> conclusions = Conclusions.Describe(nominal.Outcomes);
        (SweepDesign, SweepResult)? sample = null;
        if (settings.Samples > 0)
        {
            SweepDesign lhs = SweepDesign.LatinHypercube(studyKey, version, uncertain, settings.Samples, settings.Seed);
            sample = (lhs, Phase("sample", lhs));
        }

        // Flips, located by bisection: headline conclusions first, each run found in the store or computed once.
        var bisections = new Bisections(store, $"{oat.Id}-flips", studyKey, version, uncertain, executor, progress, cancellation);
        var located = new Dictionary<string, List<LocatedFlip>>(StringComparer.Ordinal);
        foreach (Conclusion c in conclusions.Where(c => c.Kind == OutcomeKind.YesNo).OrderBy(c => c.Headline ? 0 : 1))
        {
            FlipReport report = Flips.Of(oat, oatRuns.Rows, c.Name);
            located[c.Name] = [.. report.Flips.Select(f => new LocatedFlip(f, settings.FlipBisections > 0 && f.Side != FlipSide.Level ? bisections.Locate(f, c.Name, settings.FlipBisections) : null))];
        }

        var results = conclusions.OrderBy(c => c.Headline ? 0 : 1).Select(c => new ConclusionSensitivity(
            c,
            nominal.Outcomes[c.Name].Value,
            sample is { } s ? Band.Of(c.Name, s.Item2.Rows, nominal) : null,
            sample is { } t && c.Kind == OutcomeKind.YesNo ? Band.YesShare(c.Name, t.Item2.Rows) : null,
            Tornado.Of(oat, oatRuns.Rows, c.Name),
            located.GetValueOrDefault(c.Name) ?? [])).ToList();
        return new SensitivityResult(studyId, studyKey, version, settings, inputs, (oat, oatRuns), sample,
            (bisections.Sweep, bisections.Rows, bisections.Computed), results);
    }

    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    /// <summary>The bisection runs of one sweep: numbered in the order first asked for, so a resumed sweep numbers them alike.</summary>
    private sealed class Bisections(RunStore store, string sweep, string studyKey, string version, UncertainInput[] inputs, IRunExecutor executor,
        IProgress<SensitivityProgress>? progress, CancellationToken cancellation)
    {
        private readonly SweepRunner _runner = new(store);
        private readonly Dictionary<string, RunRow> _byKey = new(StringComparer.Ordinal);
        private readonly List<RunRow> _rows = [];

        public string Sweep => sweep;

        public IReadOnlyList<RunRow> Rows => _rows;

        public int Computed { get; private set; }

        /// <summary>The bracket around the value where <paramref name="outcome"/> changes, or null when the budget is spent.</summary>
        public FlipBracket? Locate(Flip flip, string outcome, int steps)
        {
            double tolerance = Math.Abs(flip.SideInput - flip.NominalInput) / Math.Pow(2, steps);
            if (tolerance == 0)
            {
                return null;
            }

            try
            {
                return Flips.Bisect(x => Answer(flip.Input, x, outcome), flip.NominalInput, flip.SideInput, tolerance * 1.000001, steps + 2);
            }
            catch (BudgetSpent)
            {
                return null;
            }
        }

        private bool Answer(string input, double value, string outcome)
        {
            var values = inputs.Select(i => new KeyValuePair<string, double>(i.Name, i.Name == input ? value : i.Nominal));
            var set = new InputSet(values);
            string key = RunKey.Of(studyKey, version, set);
            if (!_byKey.TryGetValue(key, out RunRow? row))
            {
                if (_rows.Count >= MaxBisectionRuns)
                {
                    throw new BudgetSpent();
                }

                (row, bool computed) = _runner.RunOne(sweep, _rows.Count, studyKey, version, set, RunRole.Bisection, executor, cancellation);
                _byKey[key] = row;
                _rows.Add(row);
                Computed += computed ? 1 : 0;
                progress?.Report(new SensitivityProgress("locating flips", new SweepProgress(_rows.Count, MaxBisectionRuns, Computed, _rows.Count - Computed, 0, null)));
            }

            return row.Outcomes[outcome].IsYes;
        }

        private sealed class BudgetSpent : Exception;
    }
}
