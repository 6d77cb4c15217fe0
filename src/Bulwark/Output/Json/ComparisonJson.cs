using System.Text.Json;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Engagement;
using Bulwark.Catalog.Studies;

namespace Bulwark.Output.Json;

/// <summary>summary.json of <c>bulwark compare</c> (DESIGN §7): per architecture and threat class the defended area, the population defended, the NATO members fully covered, and the Russian tracks engageable.</summary>
public static class ComparisonJson
{
    /// <summary>summary.json; <paramref name="more"/> writes further keys at the end of its object (a sweep's <c>sensitivity</c>).</summary>
    public static string Write(ComparisonResult r, Action<Utf8JsonWriter>? more = null) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("step_deg", r.Options.StepDeg);
        w.WriteBoolean("adaptive", r.Options.Adaptive);
        w.WriteNumber("members_year", r.Options.MembersYear);
        w.WriteString("shots_threat_set", r.Options.ShotsThreatSet);
        if (r.ShotThreatsOutOfReach.Count > 0)
        {
            // Only where a changed missile range leaves a threat of the set out of reach (a sweep's run).
            w.WriteStartArray("shots_threats_out_of_reach");
            foreach (string id in r.ShotThreatsOutOfReach)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("threat_classes");
        for (int k = 0; k < r.Options.ThreatClasses.Count; k++)
        {
            ThreatClass c = r.Options.ThreatClasses[k];
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("label", c.Label);
            w.WriteString("missile", c.MissileId);
            w.WriteStartArray("launch");
            foreach (string p in c.LaunchPlaceIds)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteString("region", c.RegionName);
            w.WriteNumber("cells", r.Grids[k].Grid.Cells.Count);
            w.WriteNumber("aim_points", r.Grids[k].AimPoints);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("architectures");
        foreach (ArchitectureComparison a in r.Architectures)
        {
            Architecture(w, r, a);
        }

        w.WriteEndArray();
        RussianParticipation(w, r);
        w.WriteStartArray("assumptions");
        foreach (Assumption x in r.Assumptions)
        {
            w.WriteStartObject();
            w.WriteString("entry", x.Subject);
            w.WriteString("quantity", x.Quantity);
            w.WriteString("value", x.Value);
            w.WriteString("confidence", x.Confidence);
            w.WriteString("source", x.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        more?.Invoke(w);
        w.WriteEndObject();
    });

    private static void Architecture(Utf8JsonWriter w, ComparisonResult r, ArchitectureComparison a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Architecture.Id);
        w.WriteString("name", a.Architecture.Name);
        w.WriteNumber("year", a.Architecture.Year);
        w.WriteString("status", a.Architecture.Status);
        w.WriteStartArray("threat_classes");
        for (int k = 0; k < a.Footprints.Count; k++)
        {
            FootprintResult f = a.Footprints[k];
            var (full, partial, none) = ComparisonFigures.MemberCounts(f);
            w.WriteStartObject();
            w.WriteString("id", r.Options.ThreatClasses[k].Id);
            w.WriteNumber("defended_cells", f.DefendedCells);
            w.WriteNumber("threatened_cells", f.ThreatenedCells);
            w.WriteNumber("defended_area_km2", Rounding.Whole(f.DefendedAreaKm2));
            w.WriteNumber("threatened_area_km2", Rounding.Whole(f.ThreatenedAreaKm2));
            w.WriteNumber("population_defended", Rounding.Whole(ComparisonFigures.MemberPopulationDefended(f)));
            w.WriteNumber("population_threatened", Rounding.Whole(ComparisonFigures.MemberPopulationThreatened(f)));
            w.WriteNumber("members_fully_covered", full);
            w.WriteNumber("members_partly_covered", partial);
            w.WriteNumber("members_not_covered", none);
            w.WriteStartArray("members");
            foreach (CountryCoverage c in f.Countries.Where(c => c.Member))
            {
                w.WriteStartObject();
                w.WriteString("iso3", c.Iso3);
                w.WriteString("name", c.Name);
                w.WriteString("cover", ComparisonResult.Classify(c) switch
                {
                    MemberCover.OutsideRegion => "outside_region",
                    MemberCover.NotThreatened => "not_threatened",
                    MemberCover.Full => "full",
                    MemberCover.Partial => "partial",
                    _ => "none",
                });
                w.WriteNumber("area_defended_pct", Rounding.Percent(c.AreaDefendedPct));
                w.WriteNumber("population_defended_pct", Rounding.Percent(c.PopulationDefendedPct));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("shot_opportunities", a.ShotOpportunities);
        if (a.Deterrent is { } d)
        {
            w.WriteNumber("russian_tracks", d.Tracks.Count);
            w.WriteNumber("russian_tracks_engageable", d.EngageableTracks);
            w.WriteNumber("russian_tracks_engageable_ideal_sensors", d.EngageableTracksIdeal);
            w.WriteStartArray("batteries_against_russian_icbms");
            foreach (var b in ComparisonFigures.BatteryThresholds(d))
            {
                w.WriteStartObject();
                w.WriteString("battery", b.BatteryId);
                w.WriteString("interceptor", b.InterceptorId);
                w.WriteString("place", b.PlaceId);
                w.WriteNumber("catalog_speed_km_s", Rounding.KmPerS(b.CatalogSpeedMPerS));
                w.WriteSpeedKmS("threshold_speed_one_track_km_s", b.LowestThresholdMPerS);
                w.WriteBoolean("threshold_search_missed_a_catch", b.LowestThresholdMPerS is null && b.TracksCaughtIdeal > 0);
                w.WriteSpeedKmS("threshold_speed_every_track_km_s", b.HighestThresholdMPerS);
                w.WriteNumber("tracks_caught", b.TracksCaught);
                w.WriteNumber("tracks_caught_ideal_sensors", b.TracksCaughtIdeal);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("russian_tracks_engageable");
        }

        w.WriteEndObject();
    }

    private static void RussianParticipation(Utf8JsonWriter w, ComparisonResult r)
    {
        w.WriteStartArray("russian_participation");
        // The key keeps its DESIGN §7 name whatever partner the study's participation question is about.
        ArchitectureComparison? baseline = r.Options.Participation is { } p ? r.Find(p.BaselineId) : null;
        foreach (ArchitectureComparison a in (r.Options.Participation?.AddedIds ?? []).Select(r.Find).Where(a => a is not null && baseline is not null).Select(a => a!))
        {
            w.WriteStartObject();
            w.WriteString("architecture", a.Architecture.Id);
            w.WriteString("over", baseline!.Architecture.Id);
            w.WriteNumber("shot_opportunities_added", a.ShotOpportunities - baseline.ShotOpportunities);
            w.WriteStartArray("threat_classes");
            for (int k = 0; k < a.Footprints.Count; k++)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Options.ThreatClasses[k].Id);
                w.WriteNumber("defended_area_km2_added", Rounding.Whole(a.Footprints[k].DefendedAreaKm2 - baseline.Footprints[k].DefendedAreaKm2));
                w.WriteNumber("population_defended_added", Rounding.Whole(ComparisonFigures.MemberPopulationDefended(a.Footprints[k]) - ComparisonFigures.MemberPopulationDefended(baseline.Footprints[k])));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
