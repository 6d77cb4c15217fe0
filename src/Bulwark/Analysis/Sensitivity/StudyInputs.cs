using Bulwark.Catalog;
using Bulwark.Catalog.Studies;
using Bulwark.Engagement;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>One uncertain number of a study: the catalog range it comes from and the sweep input it becomes.</summary>
/// <param name="Range">the range, its entry, key path and provenance</param>
/// <param name="Input">the sweep's input: named <c>ENTRY.PATH</c>, nominal = the catalog's value, in the number's unit</param>
public sealed record StudyInput(NumberRange Range, UncertainInput Input);

/// <summary>
/// The uncertain numbers a study's sweep varies: the ranges of every catalog entry the study uses (its architectures'
/// interceptors, sensors and sites, its threat classes' missiles and launch places, the deterrent's missiles and bases),
/// in that order, then the study's own ranges (replacing a catalog range of the same name); filtered to the names its
/// <c>sweep.inputs</c> (or <c>--inputs</c>) gives, in that order.
/// </summary>
public static class StudyInputs
{
    /// <summary>The study's inputs.</summary>
    /// <param name="catalog">the catalog the study reads</param>
    /// <param name="study">the study</param>
    /// <param name="names">the inputs to keep, in order (null: the study's <c>sweep.inputs</c>, or every one)</param>
    /// <exception cref="InputException">a name is not an uncertain number of the study</exception>
    public static IReadOnlyList<StudyInput> Of(BulwarkCatalog catalog, Study study, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(study);
        var ranges = new List<NumberRange>();
        foreach (string id in EntriesUsed(catalog, study))
        {
            ranges.AddRange(catalog.Find(id)?.Ranges ?? []);
        }

        foreach (NumberRange own in study.Sweep.Ranges)
        {
            int at = ranges.FindIndex(r => r.Name == own.Name);
            if (at >= 0)
            {
                ranges[at] = own;
            }
            else
            {
                ranges.Add(own);
            }
        }

        names ??= study.Sweep.Inputs;
        if (names is not null)
        {
            var chosen = new List<NumberRange>();
            foreach (string name in names)
            {
                NumberRange r = ranges.FirstOrDefault(x => x.Name == name) ?? throw new InputException(study.Source, null, null, "sweep.inputs",
                    $"'{name}' is not an uncertain number of study {study.Id}; expected one of: {(ranges.Count == 0 ? "(none)" : string.Join(", ", ranges.Select(x => x.Name)))}");
                if (chosen.Contains(r))
                {
                    throw new InputException(study.Source, null, null, "sweep.inputs", $"'{name}' is listed twice");
                }

                chosen.Add(r);
            }

            ranges = chosen;
        }

        return [.. ranges.Select(r => new StudyInput(r, new UncertainInput(r.Name, r.Unit, Nominal(catalog, r), r.Low, r.High, r.Distribution, SourceText(catalog, r.Provenance))))];
    }

    /// <summary>The number's value in the catalog (the nominal run's).</summary>
    public static double Nominal(BulwarkCatalog catalog, NumberRange r) =>
        catalog.Find(r.EntryId)?.NumberAt(r.Path)
        ?? throw new InputException(null, null, null, r.Name, $"no number '{r.Path}' in catalog entry '{r.EntryId}'");

    /// <summary>A range's provenance as one line for reports: confidence, source (author, year), note.</summary>
    public static string SourceText(BulwarkCatalog catalog, Provenance p)
    {
        string source = catalog.Sources.TryGetValue(p.SourceId ?? "", out Source? s) ? $"{s.Author}{(s.Year is { } y ? $" {y}" : "")} [{p.SourceId}]" : p.SourceId ?? "";
        string detail = p.Note ?? p.CalibratedTo ?? "";
        return $"{Provenance.Name(p.Confidence)}: {source}{(detail.Length > 0 ? "; " + detail : "")}";
    }

    /// <summary>The ids of the catalog entries a study uses, each once, in a fixed order.</summary>
    public static IReadOnlyList<string> EntriesUsed(BulwarkCatalog catalog, Study study)
    {
        var ids = new List<string>();
        void Add(string id)
        {
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        foreach (string a in study.Options.ArchitectureIds)
        {
            Architecture architecture = catalog.Architecture(a);
            Add(a);
            foreach (Battery b in architecture.Batteries)
            {
                Add(b.InterceptorId);
                Add(b.PlaceId);
            }

            foreach (DeployedSensor s in architecture.Sensors)
            {
                Add(s.SensorId);
                if (s.PlaceId is { } place)
                {
                    Add(place);
                }
            }
        }

        foreach (ThreatClass c in study.Options.ThreatClasses)
        {
            Add(c.MissileId);
            foreach (string place in c.LaunchPlaceIds)
            {
                Add(place);
            }
        }

        if (study.Options.Deterrent)
        {
            IReadOnlyList<Threat> tracks = study.Options.DeterrentOptions.Threats ?? catalog.ThreatSet(DeterrentOptions.DefaultThreatSet).Threats;
            foreach (Threat t in tracks)
            {
                Add(t.MissileId);
            }
        }

        return ids;
    }
}
