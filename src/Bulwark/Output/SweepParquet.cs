using Bulwark.Sweeps;
using Parquet;
using Parquet.Schema;

namespace Bulwark.Output;

/// <summary>
/// A sweep's runs as Parquet (Parquet.Net 6.1.0) for pandas, R's arrow and DuckDB (docs/sweeps.md): the columns of
/// <see cref="SweepCsv"/> (<c>ordinal</c> INT64, <c>key</c> string, then every input and outcome as a required DOUBLE,
/// yes/no as 1 and 0), in one row group, values exact. Parquet.Net writes no time into the file, so the same rows give
/// the same bytes.
/// </summary>
public static class SweepParquet
{
    /// <summary>Writes the rows to <paramref name="stream"/> (left open).</summary>
    /// <exception cref="ArgumentException">rows differ in their inputs or outcomes, or two columns share a name</exception>
    public static async Task WriteAsync(IReadOnlyList<RunRow> rows, Stream stream, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SweepTable table = SweepTable.Of(rows);
        var sweep = new DataField<string>("sweep", false);
        var ordinal = new DataField<long>("ordinal");
        var key = new DataField<string>("key", false);
        DataField<double>[] inputs = [.. table.Inputs.Select(n => new DataField<double>(n))];
        DataField<double>[] outcomes = [.. table.Outcomes.Select(n => new DataField<double>(n))];
        var schema = new ParquetSchema([sweep, ordinal, key, .. inputs, .. outcomes]);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellation).ConfigureAwait(false);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(sweep, rows.Select(r => r.Sweep).ToArray()).ConfigureAwait(false);
        await group.WriteAsync<long>(ordinal, rows.Select(r => (long)r.Ordinal).ToArray(), cancellationToken: cancellation).ConfigureAwait(false);
        await group.WriteAsync(key, rows.Select(r => r.Key).ToArray()).ConfigureAwait(false);
        for (int i = 0; i < inputs.Length; i++)
        {
            await group.WriteAsync<double>(inputs[i], rows.Select(r => r.Inputs.Values[i].Value).ToArray(), cancellationToken: cancellation).ConfigureAwait(false);
        }

        for (int i = 0; i < outcomes.Length; i++)
        {
            await group.WriteAsync<double>(outcomes[i], rows.Select(r => r.Outcomes.Items[i].Value).ToArray(), cancellationToken: cancellation).ConfigureAwait(false);
        }

        group.CompleteValidate();
    }

    /// <summary>The rows as Parquet bytes.</summary>
    public static byte[] Write(IReadOnlyList<RunRow> rows)
    {
        using var stream = new MemoryStream();
        WriteAsync(rows, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
