using System.Globalization;
using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Analysis.Comparison;

/// <summary>One input that drives a comparison result: what it is, its value, where it comes from and how sure it is.</summary>
/// <param name="Subject">the catalog entry (or "model" for a modelling choice)</param>
/// <param name="Quantity">what the value is</param>
/// <param name="Value">the value with its unit</param>
/// <param name="Confidence">published, reported, derived, notional — or "assumption" for a modelling choice</param>
/// <param name="Source">the citation (and what a notional value is calibrated to)</param>
public sealed record Assumption(string Subject, string Quantity, string Value, string Confidence, string Source);

/// <summary>The catalog figures that drive an engagement comparison, each with its provenance.</summary>
public static class Assumptions
{
    /// <summary>(key path, label, unit) of the interceptor figures that set reach, timing and kill probability.</summary>
    private static readonly (string Path, string Label, string Unit)[] InterceptorFigures =
    [
        ("burnout_speed_km_s", "burnout speed", "km/s"),
        ("min_intercept_alt_km", "lowest intercept altitude", "km"),
        ("max_intercept_alt_km", "highest intercept altitude", "km"),
        ("reaction_time_s", "reaction time", "s"),
        ("pk", "single-shot kill probability", ""),
    ];

    private static readonly (string Path, string Label, string Unit)[] SensorFigures =
    [
        ("detection_range_km", "detection range", "km"),
        ("reference_rcs_m2", "at radar cross-section", "m²"),
        ("firm_track_s", "detection to firm track", "s"),
        ("fire_control_s", "firm track to fire-control track", "s"),
        ("min_plume_alt_km", "sees a booster plume above", "km"),
        ("latency_s", "report latency", "s"),
    ];

    private static readonly (string Path, string Label, string Unit)[] MissileFigures =
    [
        ("calibration.range_km", "calibrated maximum range", "km"),
        ("calibration.payload_mass_kg", "with payload", "kg"),
    ];

    /// <summary>
    /// The figures of every interceptor and sensor the architectures use and of the missiles, each with its provenance,
    /// in a stable order (interceptors, sensors, missiles; each by id).
    /// </summary>
    public static IReadOnlyList<Assumption> For(BulwarkCatalog catalog, IEnumerable<Architecture> architectures, IEnumerable<string> missileIds)
    {
        var archs = architectures.ToList();
        var rows = new List<Assumption>();
        foreach (string id in archs.SelectMany(a => a.Batteries.Select(b => b.InterceptorId)).Distinct().Order(StringComparer.Ordinal))
        {
            rows.AddRange(Figures(catalog, catalog.Get("interceptors", id), InterceptorFigures));
        }

        foreach (string id in archs.SelectMany(a => a.Sensors.Select(s => s.SensorId)).Distinct().Order(StringComparer.Ordinal))
        {
            rows.AddRange(Figures(catalog, catalog.Get("sensors", id), SensorFigures));
        }

        foreach (string id in missileIds.Distinct().Order(StringComparer.Ordinal))
        {
            rows.AddRange(Figures(catalog, catalog.Get("missiles", id), MissileFigures));
        }

        foreach (Architecture a in archs)
        {
            CatalogEntry entry = catalog.Get("architectures", a.Id);
            for (int i = 0; i < a.Batteries.Count; i++)
            {
                Battery b = a.Batteries[i];
                rows.Add(Row(catalog, entry, $"batteries[{i}]", $"battery {b.Id}", $"{b.Inventory} × {b.InterceptorId} at {b.PlaceId}"));
            }

            rows.Add(Row(catalog, entry, "network.latency_s", "network latency", a.NetworkLatencyS.ToString("0.#", CultureInfo.InvariantCulture) + " s"));
            rows.Add(new Assumption(a.Id, "remote engagement",
                a.EngageOnRemote ? "engage-on-remote" : a.LaunchOnRemote ? "launch-on-remote" : "own radar only", "assumption",
                "catalog/architectures.yaml: the EPAA's planned phasing as commonly described in the open literature (phase 1 own radar, phase 2 launch-on-remote, phase 3 on engage-on-remote); no source in REFERENCES.md states it"));
        }

        return rows;
    }

    private static IEnumerable<Assumption> Figures(BulwarkCatalog catalog, CatalogEntry entry, (string Path, string Label, string Unit)[] figures)
    {
        foreach (var (path, label, unit) in figures)
        {
            if (entry.ScalarAt(path) is { } text)
            {
                yield return Row(catalog, entry, path, label, unit.Length == 0 ? text : $"{text} {unit}");
            }
        }
    }

    private static Assumption Row(BulwarkCatalog catalog, CatalogEntry entry, string path, string label, string value)
    {
        Provenance? p = entry.ProvenanceOf(path);
        string source = p?.SourceId is { } id && catalog.Sources.TryGetValue(id, out Source? s) ? s.Citation : p?.SourceId ?? "none";
        if (p?.CalibratedTo is { } calibrated)
        {
            source += $" (calibrated to: {calibrated})";
        }

        if (p?.Note is { } note)
        {
            source += $" — {note}";
        }

        return new Assumption(entry.Id, label, value, p is null ? "none" : Provenance.Name(p.Confidence), source);
    }
}
