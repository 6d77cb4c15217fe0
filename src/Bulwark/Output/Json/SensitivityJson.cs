using System.Text.Json;
using Bulwark.Analysis.Sensitivity;
using Bulwark.Catalog.Studies;
using Bulwark.Sweeps;

namespace Bulwark.Output.Json;

/// <summary>
/// <c>sensitivity.json</c> of <c>bulwark sweep</c> (DESIGN §7), and the <c>sensitivity</c> key of its summary.json: the
/// inputs with their ranges and sources, then per conclusion its nominal value, its band over the sample
/// (<c>band {min, p05, p95, max}</c>), the inputs ranked by swing (<c>inputs[] {id, low, high, swing}</c>: the conclusion with
/// the input at its low and high ends; a variant's least and most over its levels, with <c>low_level</c>, <c>high_level</c>)
/// and, for a yes/no conclusion, where it flips (<c>flips[] {input, value}</c>, with the bracket that holds the change; a
/// variant's flip names its <c>level</c>). A variant input lists its <c>levels</c>: its values are their indices. Numbers
/// as computed (NaN and infinities as null).
/// </summary>
public static class SensitivityJson
{
    /// <summary>The whole file.</summary>
    public static string Write(SensitivityResult s) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        Body(w, s);
        w.WriteEndObject();
    });

    /// <summary>The keys of the object (for summary.json's <c>sensitivity</c>, written inside an object the caller opened).</summary>
    public static void Body(Utf8JsonWriter w, SensitivityResult s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteString("study", s.StudyId);
        w.WriteString("study_key", s.StudyKey);
        w.WriteString("model_version", s.Version);
        w.WriteNumber("step_deg", s.Settings.StepDeg);
        w.WriteBoolean("adaptive", s.Settings.Adaptive);
        w.WriteNumber("samples", s.Settings.Samples);
        w.WriteNumber("seed", s.Settings.Seed);
        w.WriteNumber("flip_bisections", s.Settings.FlipBisections);
        w.WriteStartObject("runs");
        w.WriteString("one_at_a_time", s.OneAtATime.Design.Id);
        w.WriteNumber("one_at_a_time_count", s.OneAtATime.Runs.Rows.Count);
        if (s.Sample is { } sample)
        {
            w.WriteString("sample", sample.Design.Id);
            w.WriteNumber("sample_count", sample.Runs.Rows.Count);
        }

        w.WriteString("bisections", s.Bisections.Sweep);
        w.WriteNumber("bisections_count", s.Bisections.Rows.Count);
        w.WriteEndObject();

        w.WriteStartArray("inputs");
        foreach (StudyInput i in s.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Input.Name);
            w.WriteString("kind", i.Input.IsVariant ? "variant" : "number");
            w.WriteString("unit", i.Input.Unit);
            Number(w, "nominal", i.Input.Nominal);
            Number(w, "low", i.Input.Low);
            Number(w, "high", i.Input.High);
            w.WriteString("distribution", i.Input.Distribution == InputDistribution.Uniform ? "uniform" : "triangular");
            if (i.Variant is { } v)
            {
                // A variant's values (in runs.csv and runs.parquet too) are indices into its levels.
                w.WriteStartArray("levels");
                foreach (ThreatVariantLevel level in v.Levels)
                {
                    w.WriteStringValue(level.Name);
                }

                w.WriteEndArray();
                w.WriteString("nominal_level", v.Levels[(int)i.Input.Nominal].Name);
                w.WriteStartArray("threat_classes");
                foreach (string c in v.ClassIds)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
            }

            w.WriteString("confidence", Catalog.Provenance.Name(i.Provenance.Confidence));
            w.WriteString("source", i.Provenance.SourceId);
            w.WriteString("note", i.Provenance.Note ?? i.Provenance.CalibratedTo);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("conclusions");
        foreach (ConclusionSensitivity c in s.Conclusions)
        {
            Conclusion(w, c);
        }

        w.WriteEndArray();
    }

    private static void Conclusion(Utf8JsonWriter w, ConclusionSensitivity c)
    {
        bool yesNo = c.Conclusion.Kind == OutcomeKind.YesNo;
        w.WriteStartObject();
        w.WriteString("id", c.Conclusion.Name);
        w.WriteString("label", c.Conclusion.Label);
        w.WriteString("kind", yesNo ? "yes_no" : "number");
        w.WriteString("unit", c.Conclusion.Unit);
        w.WriteBoolean("headline", c.Conclusion.Headline);
        if (yesNo)
        {
            w.WriteBoolean("nominal", c.Nominal != 0);
        }
        else
        {
            Number(w, "nominal", c.Nominal);
        }

        if (c.Band is { } b)
        {
            w.WriteStartObject("band");
            Number(w, "min", b.Min);
            Number(w, "p05", b.P5);
            Number(w, "p95", b.P95);
            Number(w, "max", b.Max);
            w.WriteNumber("runs", b.Count);
            w.WriteEndObject();
        }

        if (c.YesShare is { } share)
        {
            Number(w, "yes_share", share);
        }

        w.WriteStartArray("inputs");
        foreach (SwingBar bar in c.Tornado.Bars)
        {
            w.WriteStartObject();
            w.WriteString("id", bar.Input);
            Number(w, "low", bar.AtLow);
            Number(w, "high", bar.AtHigh);
            Number(w, "swing", bar.Swing);
            if (bar.LowLevel is not null)
            {
                w.WriteString("low_level", bar.LowLevel);
                w.WriteString("high_level", bar.HighLevel);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("flips");
        foreach (LocatedFlip f in c.Flips)
        {
            w.WriteStartObject();
            w.WriteString("input", f.Flip.Input);
            Number(w, "value", f.Value);
            Number(w, "uncertainty", f.Uncertainty);
            w.WriteBoolean("located", f.Bracket is not null);
            w.WriteString("side", f.Flip.Side switch { FlipSide.Low => "low", FlipSide.High => "high", _ => "level" });
            if (f.Flip.Level is not null)
            {
                w.WriteString("level", f.Flip.Level);
            }

            w.WriteBoolean("answer_beyond", f.Flip.AnswerAtSide);
            w.WriteString("description", Describe(c, f));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// A flip in words: "yes when gbi-2-stage-mda.burnout_speed_km_s is above 7.19 km/s (± 0.03)"; for a variant, "no when
    /// threats.launch is qom; yes at its nominal tabriz+semnan".
    /// </summary>
    public static string Describe(ConclusionSensitivity c, LocatedFlip f)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(f);
        string answer = f.Flip.AnswerAtSide ? "yes" : "no";
        if (f.Flip.Side == FlipSide.Level)
        {
            return $"{answer} when {f.Flip.Input} is {f.Flip.Level}; {(c.Nominal != 0 ? "yes" : "no")} at its nominal {f.Flip.NominalLevel}";
        }

        string direction = f.Flip.Side == FlipSide.High ? "above" : "below";
        string unit = string.IsNullOrEmpty(f.Flip.Unit) ? "" : " " + f.Flip.Unit;
        string where = f.Bracket is null
            ? $"somewhere between {G(f.Flip.NominalInput)} and {G(f.Flip.SideInput)}{unit} (not located)"
            : $"{G(f.Value)}{unit} (± {G(f.Uncertainty)})";
        return $"{answer} when {f.Flip.Input} is {direction} {where}; {(c.Nominal != 0 ? "yes" : "no")} at its nominal {G(f.Flip.NominalInput)}{unit}";
    }

    private static string G(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string key, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }
}
