using System.Text;

namespace Bulwark.Output.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> as Markdown (GitHub-flavoured tables; images as relative links).</summary>
public static class MarkdownReport
{
    public static string Write(ReportDocument report)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(report.Title).Append("\n\n");
        foreach (ReportBlock block in report.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append(new string('#', Math.Clamp(h.Level, 1, 6))).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(p.Text).Append("\n\n");
                    break;
                case BulletList l:
                    foreach (string item in l.Items)
                    {
                        sb.Append("- ").Append(item).Append('\n');
                    }

                    sb.Append('\n');
                    break;
                case CodeBlock c:
                    sb.Append("```sh\n").Append(c.Text.TrimEnd('\n')).Append("\n```\n\n");
                    break;
                case Table t:
                    WriteTable(sb, t);
                    break;
                case Figure f:
                    foreach (ReportImage image in f.Images)
                    {
                        sb.Append("![").Append(image.AltText).Append("](").Append(image.FileName).Append(")\n");
                    }

                    sb.Append('\n').Append('*').Append(f.Caption).Append("*\n\n");
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteTable(StringBuilder sb, Table t)
    {
        sb.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n|");
        for (int i = 0; i < t.Headers.Count; i++)
        {
            sb.Append(t.RightAligned is { } r && i < r.Count && r[i] ? "--:|" : "---|");
        }

        sb.Append('\n');
        foreach (var row in t.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        sb.Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
