using System.Collections.Concurrent;
using Bulwark.Output;
using Bulwark.Sweeps;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// <see cref="SweepRunner"/>: a sweep interrupted any number of times (the evaluator throwing, a cancellation) resumes
/// where it stopped, recomputing nothing that finished and losing nothing, and gives the same rows and export bytes as
/// an uninterrupted sweep on 1 or 2 threads. The kill -9 test needs a process to kill: it comes with the
/// <c>bulwark sweep</c> verb (docs/sweeps.md, "Not yet done").
/// </summary>
public sealed class SweepRunnerTests : IDisposable
{
    private readonly string _folder = TempFolder();

    public void Dispose() => Delete(_folder);

    private string File(string name) => Path.Combine(_folder, name + ".db");

    private static SweepDesign Sample => SweepDesign.LatinHypercube("study", "v1", Inputs, 40, seed: 3);

    private sealed class Interrupted : Exception
    {
        public Interrupted()
            : base("simulated interruption")
        {
        }
    }

    [Fact]
    public void ASweepComputesEachRunOnceAndReturnsRowsInDesignOrder()
    {
        var calls = new ConcurrentBag<string>();
        using var store = new RunStore(File("a"));
        SweepResult r = new SweepRunner(store).RunAll(Sample, x => { calls.Add(RunKey.Of("study", "v1", x)); return Model(x); });
        Assert.Equal((40, 0), (r.Computed, r.Reused));
        Assert.Equal(Sample.Runs.Select(x => x.Key), r.Rows.Select(x => x.Key));
        Assert.Equal(Enumerable.Range(0, 40), r.Rows.Select(x => x.Ordinal));
        Assert.Equal(Sample.Runs.Select(x => x.Key).Order(), calls.Order());
        Assert.All(r.Rows, row => Assert.Equal(Model(row.Inputs), row.Outcomes));

        SweepResult again = new SweepRunner(store, 2).RunAll(Sample, _ => throw new InvalidOperationException("must not run"));
        Assert.Equal((0, 40), (again.Computed, again.Reused));
        Assert.Equal(SweepCsv.Write(r.Rows), SweepCsv.Write(again.Rows));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AnInterruptedSweepResumesWithoutRecomputingAndEndsAsAnUninterruptedOne(int threads)
    {
        string reference;
        using (var store = new RunStore(File("reference")))
        {
            reference = SweepCsv.Write(new SweepRunner(store, 1).RunAll(Sample, Model).Rows);
        }

        // Interrupt the sweep five times, after 1, 3, 5, 7 and 9 more runs (25 of 40), then let it finish. Each key is evaluated to the
        // end at most once over all attempts; runs a failure abandoned mid-way are the only ones evaluated again.
        var finished = new ConcurrentDictionary<string, int>();
        int computedTotal = 0;
        using (var store = new RunStore(File("resumed")))
        {
            for (int attempt = 0; attempt < 5; attempt++)
            {
                int budget = 1 + 2 * attempt;
                int started = 0;
                var runner = new SweepRunner(store, threads);
                var e = Assert.Throws<Interrupted>(() => runner.RunAll(Sample, x =>
                {
                    if (Interlocked.Increment(ref started) > budget)
                    {
                        throw new Interrupted();
                    }

                    finished.AddOrUpdate(RunKey.Of("study", "v1", x), 1, (_, n) => n + 1);
                    return Model(x);
                }));
                Assert.Equal(finished.Count, store.Count);
                if (threads == 1)
                {
                    Assert.Equal(Enumerable.Range(0, attempt + 1).Sum(k => 1 + 2 * k), store.Count);
                }
            }

            SweepResult last = new SweepRunner(store, threads).RunAll(Sample, x =>
            {
                finished.AddOrUpdate(RunKey.Of("study", "v1", x), 1, (_, n) => n + 1);
                return Model(x);
            });
            computedTotal = last.Computed + last.Reused;
            Assert.Equal(40, computedTotal);
            Assert.Equal(40 - last.Computed, last.Reused);
            Assert.All(finished.Values, n => Assert.Equal(1, n));
            Assert.Equal(40, finished.Count);
            Assert.Equal(reference, SweepCsv.Write(last.Rows));
            Assert.Equal("ok", store.IntegrityCheck());
        }
    }

    [Fact]
    public void OneAndTwoThreadsGiveTheSameBytes()
    {
        byte[] Export(int threads, string name)
        {
            using var store = new RunStore(File(name));
            var rows = new SweepRunner(store, threads).RunAll(Sample, x =>
            {
                Thread.Sleep(1); // let the two threads finish out of order
                return Model(x);
            }).Rows;
            return [.. System.Text.Encoding.UTF8.GetBytes(SweepCsv.Write(rows)), .. SweepParquet.Write(rows)];
        }

        Assert.Equal(Export(1, "one"), Export(2, "two"));
    }

    [Fact]
    public void ACancelledSweepKeepsWhatFinishedAndResumes()
    {
        using var store = new RunStore(File("c"));
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => new SweepRunner(store).Run(Sample, x =>
        {
            if (++calls == 10)
            {
                cancel.Cancel();
            }

            return Model(x);
        }, cancel.Token));
        Assert.Equal(10, store.Count);
        SweepResult r = new SweepRunner(store).RunAll(Sample, Model);
        Assert.Equal((30, 10), (r.Computed, r.Reused));
    }

    [Fact]
    public void ARunRepeatedInTheDesignOrSharedWithAnotherSweepIsComputedOnce()
    {
        // c's low equals its nominal: run 5 is run 0. Most runs are shared with a second design.
        var inputs = new[] { A, new UncertainInput("c", "", 0, 0, 2) };
        var design = SweepDesign.OneAtATime("study", "v1", inputs);
        using var store = new RunStore(File("d"));
        int calls = 0;
        SweepResult r = new SweepRunner(store).RunAll(design, x => { calls++; return new Outcomes().Number("sum", x["a"] + x["c"]); });
        Assert.Equal((4, 0, 4), (r.Computed, r.Reused, calls));
        Assert.Equal(5, r.Rows.Count);
        Assert.Equal(r.Rows[0].Key, r.Rows[3].Key);
        Assert.Equal(4, store.Count);

        // Another sweep with c's range narrowed to [0, 1]: only its c-high run is new.
        var narrower = SweepDesign.OneAtATime("study", "v1", [A, new UncertainInput("c", "", 0, 0, 1)]);
        var evaluated = new List<InputSet>();
        SweepResult s = new SweepRunner(store).RunAll(narrower, x => { evaluated.Add(x); return new Outcomes().Number("sum", x["a"] + x["c"]); });
        Assert.Equal((1, 4), (s.Computed, s.Reused));
        Assert.Equal([4.0, 1], evaluated.Single().Values.Select(v => v.Value));
        Assert.Equal(5, store.All(narrower.Id).Count);
        Assert.Equal(5, store.Count);
        Assert.Equal(r.Rows.Take(3), s.Rows.Take(3).Select(x => x with { Sweep = design.Id }));
    }

    [Fact]
    public void ProgressEndsWithEveryRunDone()
    {
        var reports = new ConcurrentQueue<SweepProgress>();
        using var store = new RunStore(File("p"));
        new SweepRunner(store, 2, new SyncProgress(reports.Enqueue)).RunAll(Sample, Model);
        Assert.Equal(41, reports.Count); // once before the first run, then once per run
        Assert.Contains(reports, p => p.Done == 40 && p.Computed == 40 && p.Remaining == TimeSpan.Zero);
        Assert.All(reports, p => Assert.Equal(40, p.Total));
    }

    // Progress<T> posts to the thread pool; this one reports on the caller's thread, so the test sees every report.
    private sealed class SyncProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
