using System.Globalization;
using System.Text;
using Bulwark.Sweeps;

namespace Bulwark.Output;

/// <summary>
/// A sweep's runs as CSV for pandas and R (docs/sweeps.md): header <c>ordinal,key,</c>each input<c>,</c>each outcome,
/// one line per row in the order given (the store's: by ordinal). Numbers are exact, not rounded: the shortest text that
/// reads back to the same double (invariant culture, "R"); NaN and the infinities are <c>NaN</c>, <c>Inf</c> and
/// <c>-Inf</c>, which pandas and R both read; yes/no outcomes are 1 and 0. Fields holding a comma, quote or line break are
/// quoted as RFC 4180 says (quotes doubled); lines end with <c>\n</c> like the project's other CSV. No time or machine
/// enters the text: the same rows give the same bytes.
/// </summary>
public static class SweepCsv
{
    /// <summary>The rows as CSV text.</summary>
    /// <exception cref="ArgumentException">rows differ in their inputs or outcomes, or two columns share a name</exception>
    public static string Write(IReadOnlyList<RunRow> rows)
    {
        SweepTable table = SweepTable.Of(rows);
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Select(Field)).Append('\n');
        foreach (RunRow r in rows)
        {
            sb.Append(Field(r.Sweep)).Append(',').Append(r.Ordinal.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(r.Key));
            foreach (var (_, value) in r.Inputs.Values)
            {
                sb.Append(',').Append(Number(value));
            }

            foreach (Outcome o in r.Outcomes.Items)
            {
                sb.Append(',').Append(Number(o.Value));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A number as the export writes it: "R" (round trip), or <c>NaN</c>, <c>Inf</c>, <c>-Inf</c>.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted (RFC 4180) when it holds a comma, a quote, a line break or edge spaces.</summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        return quote ? '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"' : text;
    }
}
