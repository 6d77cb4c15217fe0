using System.CommandLine;
using System.Globalization;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Sensitivity;
using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Catalog.Studies;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Sweeps;
using Spectre.Console;
using ComparisonReport = Bulwark.Output.Reports.ComparisonReport;
using SensitivitySection = Bulwark.Output.Reports.SensitivitySection;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark sweep STUDY --out DIR [--resume] [--samples N] [--seed S]</c>: the study's comparison run over the ranges of
/// its disputed inputs (docs/sweeps.md): one input at a time for tornado plots and what flips each yes/no conclusion, a
/// seeded Latin hypercube for bands, flips located by bisection. Every finished run is a row of DIR/runs.sqlite, so an
/// interrupted sweep resumes with <c>--resume</c>, recomputing nothing that finished. Writes sensitivity.json, runs.csv,
/// runs.parquet, the report (report.md, report.html, summary.json with a <c>sensitivity</c> key) and the tornado plots.
/// </summary>
internal static class SweepCommand
{
    /// <summary>The store's file in the output directory.</summary>
    public const string StoreFile = "runs.sqlite";

    /// <summary>
    /// A diagnostic: when set to a file path, the key of every run this process computes is appended to it once the run
    /// is stored (the kill-and-resume tests count recomputed runs with it; docs/sweeps.md).
    /// </summary>
    public const string TraceVariable = "BULWARK_SWEEP_TRACE";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ids = new Argument<string[]>("STUDY")
        {
            Description = "a shipped study (lisbon-2010) or a study file (STUDY.yaml, docs/studies.md), optionally followed by architecture ids to sweep only those",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string?>("--out") { Description = $"the sweep's directory: its store ({StoreFile}), exports, plots and report (required unless --list-inputs)" };
        var resume = new Option<bool>("--resume") { Description = $"continue the sweep whose store is in --out (runs already there are not run again)" };
        var samples = new Option<int?>("--samples") { Description = $"sampled runs over every input together, for the bands (default: the study's, {SweepSettings.DefaultSamples}; 0: none)" };
        var seed = new Option<ulong?>("--seed") { Description = $"the sample's seed (default: the study's, {SweepSettings.DefaultSeed})" };
        var inputs = new Option<string?>("--inputs") { Description = "the uncertain inputs to vary, comma-separated ENTRY.PATH names (default: the study's, or all; 'bulwark sweep STUDY --list-inputs' lists them)" };
        var listInputs = new Option<bool>("--list-inputs") { Description = "list the study's uncertain inputs with their ranges and sources, and stop" };
        var bisections = new Option<int?>("--flip-bisections") { Description = $"halvings that locate each flip (default: the study's, {SweepSettings.DefaultFlipBisections}; 0: none)" };
        var threads = new Option<int>("--threads") { Description = "runs evaluated at once (default 1: each run already uses every core)", DefaultValueFactory = _ => 1 };
        var step = CommonOptions.StepDeg($"the study's sweep.step_deg; {SweepSettings.DefaultStepDeg.ToString(CultureInfo.InvariantCulture)}");
        var resolution = CommonOptions.ResolutionDeg("the study's sweep.resolution_deg");
        var format = CommonOptions.Format();
        var cluster = new Option<string?>("--cluster") { Description = "run the sweep's runs on the workers of an Orleans cluster whose membership is in this PostgreSQL database (an Npgsql connection string; docs/cluster.md); the store stays here" };
        var clusterId = new Option<string>("--cluster-id") { Description = $"the cluster's id (default {Bulwark.Cluster.ClusterSettings.DefaultClusterId})", DefaultValueFactory = _ => Bulwark.Cluster.ClusterSettings.DefaultClusterId };
        var command = new Command("sweep", "Uncertainty and sensitivity over a study's disputed inputs: bands, tornado plots and what flips each conclusion; every run kept in an embedded SQLite store.")
        {
            ids, outDir, resume, samples, seed, inputs, listInputs, bisections, threads, step, resolution, format, cluster, clusterId,
        };
        command.SetAction(parse =>
        {
            OutputFormat fmt = ScenarioInput.TableOrJson(parse.GetValue(format)!, "sweep");
            BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
            string[] given = parse.GetValue(ids) ?? [];
            var (study, architectureIds) = CompareCommand.StudyOf(given, catalog);
            if (architectureIds.Length > 0)
            {
                study = study with { Options = study.Options with { ArchitectureIds = CompareCommand.Architectures(catalog, architectureIds) } };
            }

            SweepSettings settings = Settings(study.Sweep, parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(bisections),
                CommonOptions.Grid(parse.GetValue(step), parse.GetValue(resolution)));
            IReadOnlyList<string>? names = parse.GetValue(inputs) is { } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null;
            IReadOnlyList<StudyInput> chosen = StudyInputs.Of(catalog, study, names);
            if (parse.GetValue(listInputs))
            {
                ListInputs(stdout, StudyInputs.Of(catalog, study, null));
                return Program.Success;
            }

            if (chosen.Count == 0)
            {
                throw new InputException(study.Source, null, null, "sweep.inputs", $"study {study.Id} has no uncertain inputs to vary; expected ranges in the catalog (an entry's uncertain: block) or the study's uncertain: block (docs/sweeps.md)");
            }

            int threadCount = parse.GetValue(threads);
            if (threadCount is < 1 or > 256)
            {
                throw new InputException(null, null, null, "--threads", $"expected 1 to 256 runs at once, got {threadCount}");
            }

            string dir = parse.GetValue(outDir) ?? throw new InputException(null, null, null, "--out", "expected --out DIR: the sweep's directory (its store, exports and report)");
            OutputDirectory.CheckName(dir);
            string storePath = Path.Combine(dir, StoreFile);
            if (File.Exists(storePath) && !parse.GetValue(resume))
            {
                throw new InputException(storePath, null, null, "--out", $"{dir} already holds a sweep's store ({StoreFile}); add --resume to continue it (finished runs are kept), or choose another --out");
            }

            DiskStore? reachStore = DiskStore.FromEnvironment();
            var spec = new StudySpec(study.Source, study.Text, settings.StepDeg, settings.Adaptive, settings.Thresholds,
                architectureIds.Length > 0 ? study.Options.ArchitectureIds : null);
            var model = new StudyModel(spec, reachStore, catalog);
            string? connection = parse.GetValue(cluster);
            IDisposable? clusterExecutor = null;
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true; // stop starting runs; the finished ones are in the store
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                // The cluster first: a database that cannot be reached leaves no store behind to refuse the next try.
                IRunExecutor executor = new LocalExecutor(model.Evaluate, threadCount);
                if (connection is not null)
                {
                    var onCluster = ClusterRuns.Connect(connection, parse.GetValue(clusterId)!, new SweepJob(StudyModel.Kind, spec.ToJson(), StudyModel.Version), stderr);
                    clusterExecutor = onCluster;
                    executor = onCluster;
                }

                if (Environment.GetEnvironmentVariable(TraceVariable) is { Length: > 0 } trace)
                {
                    executor = new TracingExecutor(executor, trace);
                }

                Directory.CreateDirectory(dir);
                using var store = new RunStore(storePath);
                var nominalInputs = new InputSet(chosen.Select(i => KeyValuePair.Create(i.Input.Name, i.Input.Nominal)));
                SensitivityResult result;
                ComparisonResult nominal;
                try
                {
                    (result, nominal) = Progress.RunWithBar(stderr, "sweeping", p =>
                    {
                        var sweepProgress = new SweepLines(p);
                        SensitivityResult s = SensitivityAnalysis.Run(study.Id, model.StudyKey, StudyModel.Version, chosen,
                            settings, store, executor, sweepProgress, cancel.Token);

                        // The nominal comparison in full, for the report (its outcomes are the nominal run's, bit for bit).
                        sweepProgress.Stage("the nominal comparison, for the report");
                        ComparisonResult n = model.Compare(nominalInputs);
                        CheckNominal(s, n);
                        return (s, n);
                    });
                }
                catch (OperationCanceledException)
                {
                    stderr.WriteLine($"interrupted: {store.Count} runs are kept in {storePath}; continue with the same command and --resume");
                    return 130;
                }
                catch (InputException e) when (clusterExecutor is not null)
                {
                    stderr.WriteLine($"error: {e.Message} ({store.Count} runs are kept in {storePath}; continue with --resume)");
                    return Program.BadInput;
                }

                string reproduce = $"bulwark sweep {string.Join(' ', given)} --out {dir}" + Flags(study.Sweep, settings, names);
                var (texts, binaries) = ComparisonReport.Files(nominal, reproduce, result);
                IReadOnlyList<RunRow> rows = result.AllRows;
                texts["sensitivity.json"] = SensitivityJson.Write(result);
                texts["runs.csv"] = SweepCsv.Write(rows);
                binaries["runs.parquet"] = SweepParquet.Write(rows);
                if (clusterExecutor is not null)
                {
                    texts["cluster.json"] = ClusterRuns.Json(clusterExecutor);
                }

                OutputDirectory.WriteAll(dir, texts, binaries);
                if (fmt == OutputFormat.Json)
                {
                    stdout.Write(texts["sensitivity.json"]);
                }
                else
                {
                    Table(stdout, result);
                    stdout.WriteLine($"report: {Path.Combine(dir, "report.html")} (and sensitivity.json, runs.csv, runs.parquet, {SensitivitySection.TornadoFile("…")}; store {StoreFile})");
                }

                stderr.WriteLine($"runs: {result.Computed} computed, {rows.Count - result.Computed} found in the store");
                if (clusterExecutor is not null)
                {
                    stderr.WriteLine(ClusterRuns.Tally(clusterExecutor));
                }

                return Program.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                clusterExecutor?.Dispose();
            }
        });
        return command;
    }

    // The report's comparison is the nominal run again: the same outcomes, or the model is not the pure function the store assumes.
    private static void CheckNominal(SensitivityResult s, ComparisonResult nominal)
    {
        Outcomes stored = s.OneAtATime.Runs.Rows[s.OneAtATime.Design.RunFor(RunRole.Nominal).Ordinal].Outcomes;
        if (!stored.Equals(Conclusions.Of(nominal)))
        {
            throw new InvalidOperationException("the nominal comparison does not give the nominal run's stored outcomes: the store holds runs of another model (delete it) or the model is not deterministic");
        }
    }

    private static SweepSettings Settings(SweepSettings s, int? samples, ulong? seed, int? bisections, (double StepDeg, bool Adaptive)? grid)
    {
        if (samples is < 0 or > 100_000)
        {
            throw new InputException(null, null, null, "--samples", $"expected 0 to 100,000 sampled runs, got {samples}");
        }

        if (bisections is < 0 or > 30)
        {
            throw new InputException(null, null, null, "--flip-bisections", $"expected 0 to 30 halvings, got {bisections}");
        }

        return s with
        {
            Samples = samples ?? s.Samples,
            Seed = seed ?? s.Seed,
            FlipBisections = bisections ?? s.FlipBisections,
            StepDeg = grid?.StepDeg ?? s.StepDeg,
            Adaptive = grid?.Adaptive ?? s.Adaptive,
        };
    }

    private static string Flags(SweepSettings study, SweepSettings s, IReadOnlyList<string>? names) =>
        (s.StepDeg != study.StepDeg || s.Adaptive != study.Adaptive ? $" {(s.Adaptive ? "--resolution-deg" : "--step-deg")} {s.StepDeg.ToString(CultureInfo.InvariantCulture)}" : "")
        + (s.Samples != study.Samples ? $" --samples {s.Samples}" : "")
        + (s.Seed != study.Seed ? $" --seed {s.Seed}" : "")
        + (s.FlipBisections != study.FlipBisections ? $" --flip-bisections {s.FlipBisections}" : "")
        + (names is null ? "" : $" --inputs {string.Join(',', names)}");

    private static void ListInputs(TextWriter stdout, IReadOnlyList<StudyInput> inputs)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string c in new[] { "input", "nominal", "low", "high", "source" })
        {
            table.AddColumn(new TableColumn(c));
        }

        foreach (StudyInput i in inputs)
        {
            // A threat variant: its nominal level, and its other levels in the low column.
            string[] row = i.Input.Levels is { } levels
                ? [i.Input.Name, levels[(int)i.Input.Nominal], string.Join(", ", levels.Where((_, k) => k != (int)i.Input.Nominal)), "", i.Input.Source]
                : [i.Input.Name, G(i.Input.Nominal, i.Input.Unit), G(i.Input.Low, i.Input.Unit), G(i.Input.High, i.Input.Unit), i.Input.Source];
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        Render.Table(stdout, table);
    }

    private static void Table(TextWriter stdout, SensitivityResult r)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("conclusion"));
        table.AddColumn(new TableColumn("nominal").RightAligned());
        table.AddColumn(new TableColumn("5–95%").RightAligned());
        table.AddColumn(new TableColumn("moved most by"));
        table.AddColumn(new TableColumn("flips"));
        foreach (ConclusionSensitivity c in r.Conclusions.Where(c => c.Conclusion.Headline || c.Flips.Count > 0))
        {
            bool yesNo = c.Conclusion.Kind == OutcomeKind.YesNo;
            string band = c.Band is { } b && double.IsFinite(b.P5) ? (yesNo ? string.Create(CultureInfo.InvariantCulture, $"{c.YesShare * 100:0}% yes") : $"{G(b.P5, "")}–{G(b.P95, "")}") : "—";
            string top = c.Tornado.Bars.FirstOrDefault(x => x.Swing > 0) is { } bar ? bar.Input : "—";
            string flips = c.Flips.Count == 0 ? "—" : string.Join("; ", c.Flips.Select(f => SensitivityJson.Describe(c, f)));
            table.AddRow([.. new[] { c.Conclusion.Label, yesNo ? (c.Nominal != 0 ? "yes" : "no") : G(c.Nominal, c.Conclusion.Unit), band, top, flips }.Select(Markup.Escape)]);
        }

        Render.Table(stdout, table);
    }

    private static string G(double v, string unit) =>
        (double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—") + (string.IsNullOrEmpty(unit) ? "" : " " + unit);

    /// <summary>Appends each computed run's key to a file after the runner has stored it.</summary>
    private sealed class TracingExecutor(IRunExecutor inner, string path) : IRunExecutor
    {
        private readonly Lock _gate = new();

        public void Execute(IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished, CancellationToken cancellation) =>
            inner.Execute(todo, (run, outcomes) =>
            {
                finished(run, outcomes);
                lock (_gate)
                {
                    File.AppendAllText(path, run.Key + "\n");
                }
            }, cancellation);
    }

    /// <summary>Progress: the bar's stage and fraction on a terminal; otherwise nothing (stderr stays quiet in pipes and tests).</summary>
    private sealed class SweepLines(IProgress<(string Stage, double Fraction)>? bar) : IProgress<SensitivityProgress>
    {
        public void Stage(string stage) => bar?.Report((stage, 0));

        public void Report(SensitivityProgress value)
        {
            SweepProgress p = value.Runs;
            string rate = p.RunsPerS > 0 ? string.Create(CultureInfo.InvariantCulture, $", {p.RunsPerS * 60:0.#} runs/min") : "";
            string left = p.Remaining is { } t ? $", about {Left(t)} left" : "";
            bar?.Report(($"{value.Phase}: {p.Done}/{p.Total} runs ({p.Computed} run, {p.Reused} found){rate}{left}", p.Total > 0 ? (double)p.Done / p.Total : 1));
        }

        private static string Left(TimeSpan t) =>
            t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} min") : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s");
    }
}
