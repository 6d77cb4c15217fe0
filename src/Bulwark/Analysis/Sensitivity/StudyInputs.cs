using Bulwark.Catalog;
using Bulwark.Catalog.Studies;
using Bulwark.Engagement;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>One uncertain input of a study: the sweep input it is, where it comes from, and what it changes.</summary>
/// <param name="Input">the sweep's input: a number named <c>ENTRY.PATH</c>, nominal = the catalog's value, in the
/// number's unit; or a threat variant named <c>threats.launch</c> or <c>threats.shape</c>, its levels by name</param>
/// <param name="Provenance">where the range or the levels come from</param>
/// <param name="Range">for a number, its range, entry and key path (null for a variant)</param>
/// <param name="Variant">for a threat variant, its levels and classes (null for a number)</param>
public sealed record StudyInput(UncertainInput Input, Provenance Provenance, NumberRange? Range = null, ThreatVariant? Variant = null)
{
    /// <summary>A number's input.</summary>
    public static StudyInput Of(BulwarkCatalog catalog, NumberRange r, IReadOnlyDictionary<string, Source>? studySources = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(r);
        return new(new UncertainInput(r.Name, r.Unit, StudyInputs.Nominal(catalog, r), r.Low, r.High, r.Distribution, StudyInputs.SourceText(catalog, r.Provenance, studySources)),
            r.Provenance, Range: r);
    }

    /// <summary>A threat variant's input (its nominal level the study's own, level 0).</summary>
    public static StudyInput Of(BulwarkCatalog catalog, ThreatVariant v, IReadOnlyDictionary<string, Source>? studySources = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(v);
        string source = $"{StudyInputs.SourceText(catalog, v.Provenance, studySources)}; changes {string.Join(", ", v.ClassIds)}";
        return new(UncertainInput.Variant(v.Name, [.. v.Levels.Select(l => l.Name)], 0, source), v.Provenance, Variant: v);
    }
}

/// <summary>
/// The uncertain inputs a study's sweep varies: the ranges of every catalog entry the study uses (its architectures'
/// interceptors, sensors and sites, its threat classes' missiles and launch places, the deterrent's missiles and bases),
/// in that order, then the study's own ranges (replacing a catalog range of the same name), then its threat variants
/// (<c>threats.launch</c>, <c>threats.shape</c>); filtered to the names its <c>sweep.inputs</c> (or <c>--inputs</c>)
/// gives, in that order.
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

        List<StudyInput> inputs = [.. ranges.Select(r => StudyInput.Of(catalog, r, study.Sources)), .. study.Sweep.Variants.Select(v => StudyInput.Of(catalog, v, study.Sources))];
        names ??= study.Sweep.Inputs;
        if (names is not null)
        {
            var chosen = new List<StudyInput>();
            foreach (string name in names)
            {
                StudyInput i = inputs.FirstOrDefault(x => x.Input.Name == name) ?? throw new InputException(study.Source, null, null, "sweep.inputs",
                    $"'{name}' is not an uncertain input of study {study.Id}; expected one of: {(inputs.Count == 0 ? "(none)" : string.Join(", ", inputs.Select(x => x.Input.Name)))}");
                if (chosen.Contains(i))
                {
                    throw new InputException(study.Source, null, null, "sweep.inputs", $"'{name}' is listed twice");
                }

                chosen.Add(i);
            }

            inputs = chosen;
        }

        return inputs;
    }

    /// <summary>The number's value in the catalog (the nominal run's).</summary>
    public static double Nominal(BulwarkCatalog catalog, NumberRange r) =>
        catalog.Find(r.EntryId)?.NumberAt(r.Path)
        ?? throw new InputException(null, null, null, r.Name, $"no number '{r.Path}' in catalog entry '{r.EntryId}'");

    /// <summary>A range's provenance as one line for reports: confidence, source (author, year; the catalog's or the study's own), note.</summary>
    public static string SourceText(BulwarkCatalog catalog, Provenance p, IReadOnlyDictionary<string, Source>? studySources = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(p);
        Source? s = catalog.Sources.GetValueOrDefault(p.SourceId ?? "") ?? studySources?.GetValueOrDefault(p.SourceId ?? "");
        string source = s is not null ? $"{s.Author}{(s.Year is { } y ? $" {y}" : "")} [{p.SourceId}]" : p.SourceId ?? "";
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
