using Bulwark.Analysis.Deterrent;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Analysis;
using Bulwark.Catalog.Studies;

namespace Bulwark.Analysis.Comparison;

/// <summary>A stage of a running comparison and the fraction of the whole done.</summary>
public readonly record struct ComparisonProgress(string Stage, double Fraction);

/// <summary>
/// Runs the comparison (DESIGN §5): each threat class's threat grid is flown once (an adaptive grid: each aim point once,
/// as the architectures' refinements ask for it) and every architecture is evaluated against it; the deterrent analysis runs per architecture; shot opportunities are counted on one threat set flown once.
/// Deterministic: the parts it runs in parallel write into indexed slots.
/// </summary>
public static class Comparison
{
    public static ComparisonResult Run(AnalysisContext context, ComparisonOptions options, IProgress<ComparisonProgress>? progress = null)
    {
        BulwarkCatalog catalog = context.Catalog;
        var architectures = options.ArchitectureIds.Select(id => catalog.Architecture(id)).ToList();
        int classes = options.ThreatClasses.Count;

        // Weights of the stages in the progress fraction: flying a grid ≈ 3 footprints; an architecture's deterrent ≈ 2
        // (three quarters of it its batteries' threshold searches).
        double total = classes * 3 + architectures.Count * classes + (options.Deterrent ? architectures.Count * 2 : 0) + 1;
        double done = 0;
        void Report(string stage, double units)
        {
            done += units;
            progress?.Report(new ComparisonProgress(stage, Math.Min(1, done / total)));
        }

        var grids = new List<ThreatGrid>();
        foreach (ThreatClass c in options.ThreatClasses)
        {
            progress?.Report(new ComparisonProgress(options.Adaptive ? $"building the trajectory fans of {c.MissileId}" : $"flying {c.MissileId} to every cell of {c.RegionName}", done / total));
            grids.Add(options.Adaptive
                ? ThreatGrid.Prepare(context, c.MissileId, c.LaunchPlaceIds, c.Region, options.StepDeg, shape: c.Shape)
                : ThreatGrid.Fly(context, c.MissileId, c.LaunchPlaceIds, c.Region, options.StepDeg, shape: c.Shape));
            Report($"flew {c.Label}", 3);
        }

        // Class by class, so that each grid's tracks (most of the memory of an adaptive comparison) go once every
        // architecture has been evaluated against it; the footprints keep only their cells.
        var footprints = architectures.Select(_ => new FootprintResult[classes]).ToArray();
        for (int k = 0; k < classes; k++)
        {
            for (int a = 0; a < architectures.Count; a++)
            {
                footprints[a][k] = Footprints.Evaluate(architectures[a], grids[k], membersYear: options.MembersYear);
                Report($"{architectures[a].Id} against {options.ThreatClasses[k].Id}", 1);
            }

            grids[k].Release();

            // The released tracks are most of the heap, and old: without a full collection now, the next class's flights
            // pile up on top of them until the runtime's own gen-2 budget runs out (measured: 1.57 GB peak resident
            // against 1.27 GB with it, docs/performance.md).
            GC.Collect();
        }

        // The deterrent runs after the footprints, not beside them: side by side the run took 8% less wall time but
        // peaked at 1.34 to 1.53 GB, the deterrent's tables and tracks on top of the largest class's (docs/performance.md).

        var deterrents = new DeterrentResult?[architectures.Count];
        var cache = new DeterrentCache();
        if (options.Deterrent)
        {
            // Every battery's threshold search first, side by side: each is a chain of reach tables, and an architecture's
            // one or two batteries searched alone left a core idle (the deterrent's phase ran on 1.72 cores of 2, on 1.95
            // so; docs/performance.md). Each search drops its tables, whose bins (a megabyte or two each) wait on the
            // large-object heap for a full collection: one after each search (within a long search they still pile up, to
            // 1.55 GB once; the CLI keeps arrays under 4 MB off that heap, System.GC.LOHThreshold, and peaked at 1.08 GB).
            progress?.Report(new ComparisonProgress("threshold speeds of every battery", done / total));
            DeterrentAnalysis.PrepareThresholds(context, architectures, options.DeterrentOptions, cache, afterEach: () => GC.Collect());
            Report("threshold speeds of every battery", 1.5 * architectures.Count);
            for (int a = 0; a < architectures.Count; a++)
            {
                progress?.Report(new ComparisonProgress($"Russian ICBM tracks against {architectures[a].Id}", done / total));
                deterrents[a] = DeterrentAnalysis.Run(context, architectures[a], options.DeterrentOptions, cache: cache);
                Report($"deterrent: {architectures[a].Id}", 0.5);
            }
        }

        // A threat of the set that its missile cannot reach (a sweep's run may shorten a missile's range) threatens nothing.
        var (shotThreats, outOfReach) = ThreatFlights.FlyReachable(context, catalog.ThreatSet(options.ShotsThreatSet).Threats);
        var engagements = architectures.Select(a => context.SeeAndEngage(a, shotThreats)).ToList();
        Report("shot opportunities", 1);

        var rows = architectures.Select((a, i) => new ArchitectureComparison(a, footprints[i], deterrents[i], engagements[i])).ToList();
        var missiles = options.ThreatClasses.Select(c => c.MissileId)
            .Concat(deterrents.Where(d => d is not null).SelectMany(d => d!.Tracks.Select(t => t.MissileId)));
        return new ComparisonResult(options, grids, rows, Assumptions.For(catalog, architectures, missiles))
        {
            Environment = context.Environment,
            ShotThreatsOutOfReach = [.. outOfReach.Select(x => x.Threat.Id)],
        };
    }
}
