using System.Globalization;
using System.Text;
using Bulwark.Output;
using Bulwark.Sweeps;
using Parquet;
using Parquet.Schema;
using static Bulwark.Tests.Sweeps.SweepFixtures;

namespace Bulwark.Tests.Output;

/// <summary>
/// Issue 16's acceptance for the exports: the CSV and Parquet files read back (the CSV with an RFC 4180 reader written
/// here, the Parquet with Parquet.Net's reader) with the same rows as the database, every value to the bit, NaN included;
/// and the same rows give the same bytes.
/// </summary>
public sealed class SweepExportTests : IDisposable
{
    private readonly string _folder = TempFolder();

    public void Dispose() => Delete(_folder);

    private IReadOnlyList<RunRow> StoredRows(out RunStore store)
    {
        // Names that need quoting in CSV, and an outcome that is NaN in some runs (c > 1.5).
        var inputs = new[] { A, new UncertainInput("b, \"the second\"", "m", 6.4, 6, 9), C };
        var design = SweepDesign.LatinHypercube("study", "v1", inputs, 30, 4);
        store = new RunStore(Path.Combine(_folder, "runs.db"));
        new SweepRunner(store, 2).RunAll(design, x => new Outcomes()
            .Number("margin", 2 * x["a"] - x["b, \"the second\""])
            .YesNo("covered", 2 * x["a"] > x["b, \"the second\""])
            .Number("odd", x["c"] > 1.5 ? double.NaN : 0.1 * x["c"]));
        return store.All(design.Id);
    }

    [Fact]
    public void TheCsvReadsBackWithTheDatabasesRows()
    {
        var rows = StoredRows(out RunStore store);
        using (store)
        {
            string csv = SweepCsv.Write(rows);
            var table = ReadCsv(csv);
            Assert.Equal(["sweep", "ordinal", "key", "a", "b, \"the second\"", "c", "margin", "covered", "odd"], table[0]);
            Assert.Equal(rows.Count, table.Count - 1);
            Assert.Contains(rows, r => double.IsNaN(r.Outcomes["odd"].Value));
            for (int i = 0; i < rows.Count; i++)
            {
                string[] line = table[i + 1];
                Assert.Equal(rows[i].Sweep, line[0]);
                Assert.Equal(rows[i].Ordinal, int.Parse(line[1], CultureInfo.InvariantCulture));
                Assert.Equal(rows[i].Key, line[2]);
                double[] expected = [.. rows[i].Inputs.Values.Select(v => v.Value), .. rows[i].Outcomes.Items.Select(o => o.Value)];
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), line.Skip(3).Select(ParseNumber).Select(BitConverter.DoubleToInt64Bits));
            }

            Assert.Equal(csv, SweepCsv.Write(store.All(rows[0].Sweep)));
        }
    }

    [Fact]
    public async Task TheParquetReadsBackWithTheDatabasesRows()
    {
        var rows = StoredRows(out RunStore store);
        using (store)
        {
            byte[] bytes = SweepParquet.Write(rows);
            Assert.Equal(bytes, SweepParquet.Write(store.All(rows[0].Sweep)));
            using var stream = new MemoryStream(bytes);
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
            DataField[] fields = reader.Schema.GetDataFields();
            Assert.Equal(["sweep", "ordinal", "key", "a", "b, \"the second\"", "c", "margin", "covered", "odd"], fields.Select(f => f.Name));
            Assert.Equal(1, reader.RowGroupCount);
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
            Assert.Equal(rows.Count, group.RowCount);
            var sweeps = new string?[rows.Count];
            await group.ReadAsync(fields[0], sweeps.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            var ordinals = new long[rows.Count];
            await group.ReadAsync<long>(fields[1], ordinals, cancellationToken: TestContext.Current.CancellationToken);
            var keys = new string?[rows.Count];
            await group.ReadAsync(fields[2], keys.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(rows.Select(r => r.Sweep), sweeps);
            Assert.Equal(rows.Select(r => (long)r.Ordinal), ordinals);
            Assert.Equal(rows.Select(r => r.Key), keys);
            for (int c = 3; c < fields.Length; c++)
            {
                var values = new double[rows.Count];
                await group.ReadAsync<double>(fields[c], values, cancellationToken: TestContext.Current.CancellationToken);
                var expected = rows.Select(r => c - 3 < r.Inputs.Count ? r.Inputs.Values[c - 3].Value : r.Outcomes.Items[c - 3 - r.Inputs.Count].Value);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void NumbersAndFieldsAreWrittenExactlyAndQuotedOnlyWhenNeeded()
    {
        Assert.Equal("0.1", SweepCsv.Number(0.1));
        Assert.Equal("-0", SweepCsv.Number(-0.0));
        Assert.Equal("1E-300", SweepCsv.Number(1e-300));
        Assert.Equal(("NaN", "Inf", "-Inf"), (SweepCsv.Number(double.NaN), SweepCsv.Number(double.PositiveInfinity), SweepCsv.Number(double.NegativeInfinity)));
        Assert.Equal("plain", SweepCsv.Field("plain"));
        Assert.Equal("\"a,b\"", SweepCsv.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", SweepCsv.Field("say \"hi\""));
        Assert.Equal("sweep,ordinal,key\n", SweepCsv.Write([]));
    }

    [Fact]
    public void RowsThatDisagreeOrCollideWithTheFixedColumnsAreRefused()
    {
        var x = new InputSet([KeyValuePair.Create("a", 1.0)]);
        var r1 = new RunRow("s", 0, "k0", x, new Outcomes().Number("m", 1));
        var r2 = new RunRow("s", 1, "k1", x, new Outcomes().Number("n", 1));
        Assert.Throws<ArgumentException>(() => SweepCsv.Write([r1, r2]));
        var clash = new RunRow("s", 0, "k0", new InputSet([KeyValuePair.Create("key", 1.0)]), new Outcomes());
        Assert.Throws<ArgumentException>(() => SweepParquet.Write([clash]));
    }

    private static double ParseNumber(string s) => s switch
    {
        "NaN" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // RFC 4180: fields separated by commas, records by line breaks; a quoted field may hold commas, line breaks and
    // doubled quotes.
    private static List<string[]> ReadCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        Assert.False(quoted);
        Assert.Equal(0, field.Length + fields.Count);
        return records;
    }
}
