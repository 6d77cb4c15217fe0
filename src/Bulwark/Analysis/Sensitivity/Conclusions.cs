using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog.Studies;
using Bulwark.Geography;
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
    /// <summary>What each outcome of a run means (its label from its name; <see cref="Of"/> writes the names).</summary>
    public static IReadOnlyList<Conclusion> Describe(Outcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes.Items.Select(o => Describe(o.Name, o.Kind))];
    }

    /// <summary>What the outcome <paramref name="name"/> means.</summary>
    public static Conclusion Describe(string name, OutcomeKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        string[] p = name.Split('/');
        string last = p[^1];
        string Unit() => last.EndsWith("_pct", StringComparison.Ordinal) ? "%" : last.EndsWith("_km_s", StringComparison.Ordinal) ? "km/s" : "";
        return (p.Length, last) switch
        {
            (3, "defended_share_pct") => new(name, $"{p[0]} against {p[1]}: share of the threatened area defended", "%", kind, true),
            (3, "members_fully_covered") => new(name, $"{p[0]} against {p[1]}: NATO members fully covered", "", kind, true),
            (4, "defended_where_threatened") when p[0] != "participation" => new(name, $"{p[0]} against {p[1]}: {Countries.ByIso3(p[2])?.Name ?? p[2]} defended wherever threatened", "", kind, false),
            (2, "russian_tracks_engageable") => new(name, $"{p[0]}: Russian ICBM tracks engageable (its sensors)", "", kind, true),
            (2, "engages_russian_icbms") => new(name, $"{p[0]} can engage a Russian ICBM flying to the US (its sensors)", "", kind, true),
            (2, "engages_russian_icbms_ideal") => new(name, $"{p[0]} can reach a Russian ICBM flying to the US (ideal sensors)", "", kind, true),
            (3, "lowest_threshold_speed_km_s") => new(name, $"{p[0]}, {p[1]}: lowest burnout speed that catches a Russian ICBM track", "km/s", kind, true),
            (4, "defended_share_added_pct") => new(name, $"{p[1]} over the baseline against {p[2]}: defended share added", "%", kind, true),
            _ => new(name, name, Unit(), kind, false),
        };
    }

    /// <summary>A comparison's conclusions as outcomes.</summary>
    public static Outcomes Of(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcomes = new Outcomes();
        foreach (var (name, yesNo, value) in Walk(result))
        {
            if (yesNo)
            {
                outcomes.YesNo(name, value != 0);
            }
            else
            {
                outcomes.Number(name, value);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Whether no part of a member that the threat reaches is left undefended (to the comparison's 0.5% margin of its
    /// area): the per-member answer of a sweep. Not "fully covered" (99.5% of its whole territory defended, the count of the
    /// comparison's table), because an input that takes part of a member out of the missile's reach (a shorter range,
    /// another launch place) would turn that to no though nothing threatened goes undefended. A member nothing reaches is
    /// defended wherever threatened.
    /// </summary>
    public static bool DefendedWhereThreatened(CountryCoverage member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.AreaThreatenedPct - member.AreaDefendedPct <= ComparisonResult.CoverMarginPct;
    }

    private static IEnumerable<(string Name, bool YesNo, double Value)> Walk(ComparisonResult r)
    {
        IReadOnlyList<ThreatClass> classes = r.Options.ThreatClasses;
        foreach (ArchitectureComparison a in r.Architectures)
        {
            string id = a.Architecture.Id;
            for (int k = 0; k < classes.Count; k++)
            {
                FootprintResult f = a.Footprints[k];
                string at = $"{id}/{classes[k].Id}";
                yield return ($"{at}/defended_share_pct", false, ComparisonFigures.DefendedShareOfThreatenedPct(f));
                yield return ($"{at}/members_fully_covered", false, ComparisonFigures.MemberCounts(f).Full);
                foreach (CountryCoverage member in f.Countries.Where(c => c.Member && c.AreaInRegionPct > 0).OrderBy(c => c.Iso3, StringComparer.Ordinal))
                {
                    yield return ($"{at}/{member.Iso3}/defended_where_threatened", true, DefendedWhereThreatened(member) ? 1 : 0);
                }
            }

            if (a.Deterrent is { } d)
            {
                yield return ($"{id}/russian_tracks_engageable", false, d.EngageableTracks);
                yield return ($"{id}/engages_russian_icbms", true, d.EngageableTracks > 0 ? 1 : 0);
                yield return ($"{id}/engages_russian_icbms_ideal", true, d.EngageableTracksIdeal > 0 ? 1 : 0);
                if (d.Options.Thresholds)
                {
                    foreach (var b in ComparisonFigures.BatteryThresholds(d))
                    {
                        yield return ($"{id}/{b.BatteryId}/lowest_threshold_speed_km_s", false, b.LowestThresholdMPerS is { } v ? v / 1000 : double.NaN);
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
                    yield return ($"participation/{added}/{classes[k].Id}/defended_share_added_pct", false, gain);
                }
            }
        }
    }
}
