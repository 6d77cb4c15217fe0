using Bulwark.Sweeps;
using Microsoft.Data.Sqlite;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Sweeps;

/// <summary>
/// <see cref="RunStore"/> on real files: runs read back bit for bit, a run written twice is stored once, a sweep's rows
/// come back by ordinal, the pragmas hold, another schema is refused, and two stores on one file written from two
/// threads at once keep every row once with a sound database.
/// </summary>
public sealed class RunStoreTests : IDisposable
{
    private readonly string _folder = TempFolder();

    private string File => Path.Combine(_folder, "runs.db");

    public void Dispose() => Delete(_folder);

    private static RunRow Row(string sweep, int ordinal, double a, double margin = 1)
    {
        var inputs = new InputSet([KeyValuePair.Create("a", a), KeyValuePair.Create("b", 2.0)]);
        return new RunRow(sweep, ordinal, RunKey.Of("s", "v", inputs), inputs, new Outcomes().Number("margin", margin).YesNo("covered", margin > 0));
    }

    [Fact]
    public void ARunReadsBackBitForBit()
    {
        double[] awkward = [0.1, -0.0, 1e-300, double.Epsilon, double.MaxValue, Math.PI, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        var inputs = new InputSet(awkward.Select((v, i) => KeyValuePair.Create($"x{i}, \"quoted\" ünïcode", v)));
        var outcomes = new Outcomes(awkward.Select((v, i) => new Outcome($"o{i}", OutcomeKind.Number, v))).YesNo("yes", true).YesNo("no", false);
        var row = new RunRow("sweep", 0, RunKey.Of("s", "v", inputs), inputs, outcomes);
        using (var store = new RunStore(File))
        {
            store.Put(row);
        }

        using var reopened = new RunStore(File);
        Assert.True(reopened.TryGet(row.Key, out StoredRun run));
        Assert.Equal(inputs, run.Inputs);
        Assert.Equal(outcomes, run.Outcomes);
        Assert.Equal(OutcomeKind.YesNo, run.Outcomes["no"].Kind);
        Assert.Equal(row, reopened.All("sweep").Single());
        Assert.False(reopened.TryGet(new string('0', 64), out _));
    }

    [Fact]
    public void ARunWrittenTwiceIsStoredOnceAndASweepComesBackByOrdinal()
    {
        using var store = new RunStore(File);
        foreach (int i in (int[])[3, 0, 2, 1])
        {
            store.Put(Row("s1", i, i));
        }

        store.Put(Row("s1", 2, 2));
        store.Put([Row("s1", 2, 2), Row("s2", 0, 2)]);
        Assert.Equal(4, store.Count);
        Assert.Equal([0, 1, 2, 3], store.All("s1").Select(r => r.Ordinal));
        Assert.Equal([0.0, 1, 2, 3], store.All("s1").Select(r => r.Inputs["a"]));
        Assert.Equal(store.All("s1")[2].Key, store.All("s2").Single().Key);
        Assert.Equal(["s1", "s2"], store.Sweeps());
        Assert.Empty(store.All("none"));
    }

    [Fact]
    public void AnotherRunAtATakenOrdinalIsRefusedAndNothingOfItsTransactionKept()
    {
        using var store = new RunStore(File);
        store.Put(Row("s", 0, 1));
        var e = Assert.Throws<InvalidOperationException>(() => store.Put([Row("s", 1, 5), Row("s", 0, 2)]));
        Assert.Contains("ordinal 0", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.Count);
        Assert.Single(store.All("s"));
    }

    [Fact]
    public void TheStoreIsInWalModeAndRefusesAnotherSchema()
    {
        using (var store = new RunStore(File))
        {
            store.Put(Row("s", 0, 1));
        }

        using (var c = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            c.Open();
            using var q = c.CreateCommand();
            q.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", q.ExecuteScalar());
            q.CommandText = "UPDATE meta SET value = '99' WHERE name = 'schema_version';";
            q.ExecuteNonQuery();
        }

        var e = Assert.Throws<InvalidDataException>(() => new RunStore(File));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotADatabaseIsRefused()
    {
        Directory.CreateDirectory(_folder);
        System.IO.File.WriteAllText(File, "not a database, but long enough to have a header of sorts ................................................");
        Assert.Throws<SqliteException>(() => new RunStore(File));
    }

    [Fact]
    public async Task TwoStoresOnOneFileFromTwoThreadsKeepEveryRowOnce()
    {
        // Two connections (as two processes would have) write overlapping halves of 400 runs, one transaction each, at
        // once: rows 0–249 and 150–399. Every row is there once, with its content, and SQLite finds the file sound.
        const int n = 400;
        using var first = new RunStore(File);
        using var second = new RunStore(File);
        using var go = new Barrier(2);
        void Write(RunStore store, int from, int to)
        {
            go.SignalAndWait(TestContext.Current.CancellationToken);
            for (int i = from; i < to; i++)
            {
                store.Put(Row("s", i, i, margin: i - 200));
            }
        }

        CancellationToken token = TestContext.Current.CancellationToken;
        await Task.WhenAll(Task.Run(() => Write(first, 0, 250), token), Task.Run(() => Write(second, 150, n), token));
        Assert.Equal(n, first.Count);
        Assert.Equal(n, second.Count);
        var rows = second.All("s");
        Assert.Equal(Enumerable.Range(0, n), rows.Select(r => r.Ordinal));
        Assert.All(rows, r => Assert.Equal(r.Ordinal - 200.0, r.Outcomes["margin"].Value));
        Assert.Equal("ok", first.IntegrityCheck());
    }
}
