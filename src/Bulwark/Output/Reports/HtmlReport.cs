using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Bulwark.Output.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one self-contained HTML page: images embedded as data URIs (the PNGs are
/// also written beside it), no scripts, no external style sheets or fonts, so it opens offline and can be mailed.
/// </summary>
public static partial class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #1b1b1b; line-height: 1.45; }
        h1 { border-bottom: 2px solid #345; padding-bottom: .2em; }
        h2 { border-bottom: 1px solid #bbb; margin-top: 2em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
        th, td { border: 1px solid #ccc; padding: .25em .6em; vertical-align: top; }
        th { background: #eef2f6; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
        pre { background: #f5f5f5; padding: .6em; overflow-x: auto; }
        figure { margin: 1em 0; }
        figure .images { display: flex; flex-wrap: wrap; gap: .5em; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        figure.multi img { max-width: calc(50% - .5em); }
        figcaption { font-style: italic; color: #555; }
        """;

    public static string Write(ReportDocument report)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(report.Title))
            .Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(report.Title)).Append("</h1>\n");
        foreach (ReportBlock block in report.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    int level = Math.Clamp(h.Level, 1, 6);
                    sb.Append($"<h{level}>").Append(Inline(h.Text)).Append($"</h{level}>\n");
                    break;
                case Paragraph p:
                    sb.Append("<p>").Append(Inline(p.Text)).Append("</p>\n");
                    break;
                case BulletList l:
                    sb.Append("<ul>\n");
                    foreach (string item in l.Items)
                    {
                        sb.Append("<li>").Append(Inline(item)).Append("</li>\n");
                    }

                    sb.Append("</ul>\n");
                    break;
                case CodeBlock c:
                    sb.Append("<pre><code>").Append(Encode(c.Text.TrimEnd('\n'))).Append("</code></pre>\n");
                    break;
                case Table t:
                    WriteTable(sb, t);
                    break;
                case Figure f:
                    sb.Append(f.Images.Count > 1 ? "<figure class=\"multi\">" : "<figure>").Append("<div class=\"images\">");
                    foreach (ReportImage image in f.Images)
                    {
                        sb.Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png)).Append("\" alt=\"")
                            .Append(Encode(image.AltText)).Append("\" title=\"").Append(Encode(image.FileName)).Append("\">");
                    }

                    sb.Append("</div><figcaption>").Append(Inline(f.Caption)).Append("</figcaption></figure>\n");
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, Table t)
    {
        sb.Append("<table>\n<thead><tr>");
        foreach (string h in t.Headers)
        {
            sb.Append("<th>").Append(Inline(h)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                bool num = t.RightAligned is { } r && i < r.Count && r[i];
                sb.Append(num ? "<td class=\"num\">" : "<td>").Append(Inline(row[i])).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>Encodes text, turning <c>`code`</c> spans into &lt;code&gt; and **bold** into &lt;strong&gt;.</summary>
    private static string Inline(string text)
    {
        string encoded = Encode(text);
        encoded = CodeSpan().Replace(encoded, "<code>$1</code>");
        return Bold().Replace(encoded, "<strong>$1</strong>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
