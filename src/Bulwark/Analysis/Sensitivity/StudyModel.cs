using System.Text.Json;
using System.Text.Json.Serialization;
using Bulwark.Analysis.Comparison;
using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Catalog.Reading;
using Bulwark.Catalog.Studies;
using Bulwark.Engagement.Reach;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>
/// What a study's sweep runs, as text that can travel to a worker (<see cref="SweepJob.Spec"/> of kind
/// <see cref="StudyModel.Kind"/>): the study file as read, and the settings of its runs that the command line may have
/// changed. The inputs' names are in each run's <see cref="InputSet"/>.
/// </summary>
/// <param name="File">the study's file name, for messages</param>
/// <param name="Text">the study file's text</param>
/// <param name="StepDeg">the runs' grid, degrees</param>
/// <param name="Adaptive">adaptive rather than uniform</param>
/// <param name="Thresholds">whether the runs search the deterrent's threshold speeds</param>
/// <param name="Architectures">the study's architectures to run (null: all of them)</param>
public sealed record StudySpec(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("step_deg")] double StepDeg,
    [property: JsonPropertyName("adaptive")] bool Adaptive,
    [property: JsonPropertyName("thresholds")] bool Thresholds,
    [property: JsonPropertyName("architectures")] IReadOnlyList<string>? Architectures = null)
{
    /// <summary>The spec as JSON (the job's text; keyed into every run).</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a spec written by <see cref="ToJson"/>.</summary>
    public static StudySpec FromJson(string json) =>
        JsonSerializer.Deserialize<StudySpec>(json) ?? throw new InputException(null, null, null, null, "an empty study sweep spec");
}

/// <summary>
/// The model a study's sweep runs: each run is the study's comparison with the run's values laid over the catalog (as a
/// scenario's overrides: an interceptor's burnout speed scales its stages), at the sweep's grid, reduced to its
/// <see cref="Conclusions"/>. A pure function of the spec and the inputs: the same run gives the same bits on any thread
/// count and any machine running the same build.
/// </summary>
public sealed class StudyModel
{
    /// <summary>The model's kind in <see cref="SweepModels"/>.</summary>
    public const string Kind = "study";

    /// <summary>
    /// Reach tables held in memory across a sweep's runs: about 15 make a Lisbon comparison, so this keeps one run's and
    /// most of the next's; the rest are read back from the store (docs/cache.md). The provider's default of 48 let a
    /// sweep's many scaled interceptors grow the Lisbon sweep to 3.2 GB (docs/performance.md, "Sweeps").
    /// </summary>
    public const int ReachTablesHeld = 24;

    private readonly AnalysisContext _context;
    private readonly ComparisonOptions _options;

    /// <param name="spec">the study and the runs' settings</param>
    /// <param name="store">where reach tables are kept between runs and processes (null: none)</param>
    /// <param name="catalog">the catalog (null: the built-in one)</param>
    public StudyModel(StudySpec spec, DiskStore? store = null, BulwarkCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Study = StudyReader.Read(spec.File, spec.Text, catalog);
        _context = new AnalysisContext(catalog ?? BulwarkCatalog.BuiltIn,
            reach: new ReachTableProvider(ReachTableOptions.Default, ReachTablesHeld, store), store: store);
        _options = OptionsFor(Study, spec);
    }

    /// <summary>The spec it runs.</summary>
    public StudySpec Spec { get; }

    /// <summary>The study read from the spec.</summary>
    public Study Study { get; }

    /// <summary>The catalog runs start from.</summary>
    public BulwarkCatalog Catalog => _context.Catalog;

    /// <summary>The version a run's key holds: the library's build (its code and its embedded catalog and studies).</summary>
    public static string Version => SweepVersion.Current;

    /// <summary>The study's id in run keys: its id and a hash of the spec, so an edited study or setting is another sweep.</summary>
    public string StudyKey => $"{Study.Id}@{DiskStore.KeyOf(Spec.ToJson())[..16]}";

    /// <summary>The comparison a run makes (the study's options at the spec's grid).</summary>
    public static ComparisonOptions OptionsFor(Study study, StudySpec spec) => study.Options with
    {
        ArchitectureIds = spec.Architectures is { } only ? [.. study.Options.ArchitectureIds.Where(only.Contains)] : study.Options.ArchitectureIds,
        Participation = spec.Architectures is { } a && study.Options.Participation is { } p && !(a.Contains(p.BaselineId) && p.AddedIds.All(a.Contains)) ? null : study.Options.Participation,
        StepDeg = spec.StepDeg,
        Adaptive = spec.Adaptive,
        DeterrentOptions = study.Options.DeterrentOptions with { Thresholds = spec.Thresholds },
    };

    /// <summary>Registers the model's kind with <see cref="SweepModels"/>, its runs keeping reach tables in <paramref name="store"/>.</summary>
    public static void Register(DiskStore? store) =>
        SweepModels.Register(Kind, spec => new StudyModel(StudySpec.FromJson(spec), store).Evaluate);

    /// <summary>The catalog with a run's numbers (each named <c>ENTRY.PATH</c>; the threat variants are not the catalog's).</summary>
    public BulwarkCatalog CatalogFor(InputSet inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Catalog.WithValues(inputs.Values.Where(v => !IsVariant(v.Key)).Select(v => Split(v.Key, v.Value)), "a sweep's run");
    }

    /// <summary>The comparison a run makes: the spec's, its threat classes changed by the run's threat variants (each a level's index).</summary>
    public ComparisonOptions RunOptions(InputSet inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        IReadOnlyList<ThreatClass> classes = _options.ThreatClasses;
        foreach (ThreatVariant v in Study.Sweep.Variants)
        {
            if (inputs.Names.Contains(v.Name))
            {
                double level = inputs[v.Name];
                classes = level == Math.Floor(level) && level >= 0 && level < v.Levels.Count ? v.Apply(classes, (int)level)
                    : throw new InputException(null, null, null, v.Name, $"level {level} of {v.Name}; expected a whole number from 0 to {v.Levels.Count - 1}");
            }
        }

        return _options with { ThreatClasses = classes };
    }

    /// <summary>The run's comparison in full (the report's nominal run).</summary>
    public ComparisonResult Compare(InputSet inputs, IProgress<ComparisonProgress>? progress = null) =>
        Comparison.Comparison.Run(_context.With(CatalogFor(inputs)), RunOptions(inputs), progress);

    private bool IsVariant(string name) => Study.Sweep.Variants.Any(v => v.Name == name);

    /// <summary>A run: the comparison's conclusions.</summary>
    public Outcomes Evaluate(InputSet inputs) => Conclusions.Of(Compare(inputs));

    private static (string EntryId, string Path, double Value) Split(string name, double value)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (name[..dot], name[(dot + 1)..], value)
            : throw new InputException(null, null, null, name, $"the input '{name}' names no catalog number; expected ENTRY.PATH");
    }
}
