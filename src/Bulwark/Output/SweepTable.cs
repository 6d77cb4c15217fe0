using Bulwark.Sweeps;

namespace Bulwark.Output;

/// <summary>
/// The columns of a sweep's export (CSV and Parquet alike): <c>sweep</c> (the design a row belongs to: a sweep's export
/// holds its one-at-a-time, sampled and bisection runs), <c>ordinal</c>, <c>key</c>, each input, each outcome, in the
/// order of the first row; yes/no outcomes as 1 and 0. Every row must have the same inputs and outcomes in that order.
/// </summary>
internal sealed class SweepTable
{
    private SweepTable(IReadOnlyList<string> inputs, IReadOnlyList<string> outcomes)
    {
        Inputs = inputs;
        Outcomes = outcomes;
    }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outcomes { get; }

    public IEnumerable<string> Columns => new[] { "sweep", "ordinal", "key" }.Concat(Inputs).Concat(Outcomes);

    /// <exception cref="ArgumentException">rows differ in their inputs or outcomes, or two columns share a name</exception>
    public static SweepTable Of(IReadOnlyList<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return new SweepTable([], []);
        }

        string[] inputs = [.. rows[0].Inputs.Names];
        string[] outcomes = [.. rows[0].Outcomes.Items.Select(o => o.Name)];
        var kinds = rows[0].Outcomes.Items.Select(o => o.Kind).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal) { "sweep", "ordinal", "key" };
        foreach (string name in inputs.Concat(outcomes))
        {
            if (!names.Add(name))
            {
                throw new ArgumentException($"the export would have two columns called '{name}'", nameof(rows));
            }
        }

        foreach (RunRow r in rows)
        {
            ArgumentNullException.ThrowIfNull(r);
            if (!r.Inputs.Names.SequenceEqual(inputs) || !r.Outcomes.Items.Select(o => o.Name).SequenceEqual(outcomes)
                || !r.Outcomes.Items.Select(o => o.Kind).SequenceEqual(kinds))
            {
                throw new ArgumentException($"run {r.Ordinal} has other inputs or outcomes than run {rows[0].Ordinal}", nameof(rows));
            }
        }

        return new SweepTable(inputs, outcomes);
    }
}
