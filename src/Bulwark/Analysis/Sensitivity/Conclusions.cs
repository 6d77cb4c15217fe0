using System.Globalization;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog.Studies;
using Bulwark.Sweeps;

namespace Bulwark.Analysis.Sensitivity;

/// <summary>What a sweep's outcome means: its name, a label for people, its unit and whether reports lead with it.</summary>
/// <param name="Name">the outcome's name in the store and the exports (<c>ARCHITECTURE/CLASS/defended_share_pct</c>)</param>
/// <param name="Label">for tables and plot titles</param>
/// <param name="Unit">the unit (empty for counts and yes/no answers)</param>
/// <param name="Kind">number or yes/no</param>
/// <param name="Headline">whether the report's tables and tornado plots show it (the per-member answers are in the exports and the what-flips table only)</param>
public sealed record Conclusion(string Name, string Label, string Unit, OutcomeKind Kind, bool Headline);

/// <summary>
/// The conclusions of a comparison as a sweep's outcomes (docs/sweeps.md, "Conclusions"): per architecture and threat
/// class the share of the threatened area defended and the NATO members fully covered (and, for each member in the
/// class's region, whether it is); per architecture the Russian ICBM tracks engageable and whether any is, with its real
/// sensors and with ideal ones (the kinematic question of REFERENCES.md V9d), and each battery's lowest threshold speed
/// when thresholds are searched; what each participation architecture adds to its baseline's defended share.
/// </summary>
public static class Conclusions
{
    /// <summary>The conclusions of <paramref name="result"/>, in the order <see cref="Of"/> writes them.</summary>
    public static IReadOnlyList<Conclusion> Describe(ComparisonResult result) => [.. Walk(result).Select(x => x.Conclusion)];

    /// <summary>A comparison's conclusions as outcomes.</summary>
    public static Outcomes Of(ComparisonResult result)
    {
        var outcomes = new Outcomes();
        foreach (var (c, value) in Walk(result))
        {
            if (c.Kind == OutcomeKind.YesNo)
            {
                outcomes.YesNo(c.Name, value != 0);
            }
            else
            {
                outcomes.Number(c.Name, value);
            }
        }

        return outcomes;
    }

    private static IEnumerable<(Conclusion Conclusion, double Value)> Walk(ComparisonResult r)
    {
        IReadOnlyList<ThreatClass> classes = r.Options.ThreatClasses;
        foreach (ArchitectureComparison a in r.Architectures)
        {
            string id = a.Architecture.Id;
            for (int k = 0; k < classes.Count; k++)
            {
                FootprintResult f = a.Footprints[k];
                string at = $"{id}/{classes[k].Id}";
                yield return (new Conclusion($"{at}/defended_share_pct", $"{id} against {classes[k].Id}: share of the threatened area defended", "%", OutcomeKind.Number, true),
                    ComparisonFigures.DefendedShareOfThreatenedPct(f));
                yield return (new Conclusion($"{at}/members_fully_covered", $"{id} against {classes[k].Id}: NATO members fully covered", "", OutcomeKind.Number, true),
                    ComparisonFigures.MemberCounts(f).Full);
                foreach (CountryCoverage member in f.Countries.Where(c => c.Member && c.AreaInRegionPct > 0).OrderBy(c => c.Iso3, StringComparer.Ordinal))
                {
                    yield return (new Conclusion($"{at}/{member.Iso3}/fully_covered", $"{id} against {classes[k].Id}: {member.Name} fully covered", "", OutcomeKind.YesNo, false),
                        ComparisonResult.Classify(member) == MemberCover.Full ? 1 : 0);
                }
            }

            if (a.Deterrent is { } d)
            {
                yield return (new Conclusion($"{id}/russian_tracks_engageable", $"{id}: Russian ICBM tracks engageable (its sensors)", "", OutcomeKind.Number, true), d.EngageableTracks);
                yield return (new Conclusion($"{id}/engages_russian_icbms", $"{id} can engage a Russian ICBM flying to the US (its sensors)", "", OutcomeKind.YesNo, true), d.EngageableTracks > 0 ? 1 : 0);
                string ideal = d.Options.IdealFireControlS > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"ideal sensors, a fire-control track {d.Options.IdealFireControlS:0} s after the ICBM's launch")
                    : "ideal sensors: kinematics alone";
                yield return (new Conclusion($"{id}/engages_russian_icbms_ideal", $"{id} can reach a Russian ICBM flying to the US ({ideal})", "", OutcomeKind.YesNo, true),
                    d.EngageableTracksIdeal > 0 ? 1 : 0);
                if (d.Options.Thresholds)
                {
                    foreach (var b in ComparisonFigures.BatteryThresholds(d))
                    {
                        yield return (new Conclusion($"{id}/{b.BatteryId}/lowest_threshold_speed_km_s", $"{id}, {b.BatteryId}: lowest burnout speed that catches a Russian ICBM track", "km/s", OutcomeKind.Number, true),
                            b.LowestThresholdMPerS is { } v ? v / 1000 : double.NaN);
                    }
                }
            }
        }

        if (r.Options.Participation is { } p && r.Find(p.BaselineId) is { } baseline)
        {
            foreach (string added in p.AddedIds)
            {
                if (r.Find(added) is not { } with)
                {
                    continue;
                }

                for (int k = 0; k < classes.Count; k++)
                {
                    double gain = ComparisonFigures.DefendedShareOfThreatenedPct(with.Footprints[k]) - ComparisonFigures.DefendedShareOfThreatenedPct(baseline.Footprints[k]);
                    yield return (new Conclusion($"participation/{added}/{classes[k].Id}/defended_share_added_pct",
                        string.Create(CultureInfo.InvariantCulture, $"{added} over {p.BaselineId} against {classes[k].Id}: defended share added"), "%", OutcomeKind.Number, true), gain);
                }
            }
        }
    }
}
