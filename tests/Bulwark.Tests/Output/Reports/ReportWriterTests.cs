using System.Text.RegularExpressions;
using Bulwark.Output.Reports;

namespace Bulwark.Tests.Output.Reports;

public class ReportWriterTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private static ReportDocument Sample() => new("A <report> & more",
    [
        new Heading(2, "Section `one`"),
        new Paragraph("Text with `code`, **bold** and <angle> & ampersand."),
        new BulletList(["first", "second | piped"]),
        new CodeBlock("bulwark compare lisbon-2010 --out report\n"),
        new Table(["architecture", "area km²"], [["epaa-phase-3-2018", "1,234"], ["a|b", "5"]], [false, true]),
        new Figure([new ReportImage("a.png", "map A", Png), new ReportImage("b.png", "map B", Png)], "Two maps"),
        new Figure([new ReportImage("a.png", "map A again", Png)], "The first again"),
    ]);

    [Fact]
    public void MarkdownLinksEveryImageByItsFileNameAndEscapesTableCells()
    {
        string md = MarkdownReport.Write(Sample());
        Assert.StartsWith("# A <report> & more\n", md);
        Assert.Contains("![map A](a.png)", md);
        Assert.Contains("![map B](b.png)", md);
        Assert.Contains("| a\\|b | 5 |", md);
        Assert.Contains("|---|--:|", md);
        Assert.Contains("```sh\nbulwark compare lisbon-2010 --out report\n```", md);
        Assert.Equal(["a.png", "b.png"], Sample().Images.Select(i => i.FileName));
    }

    [Fact]
    public void HtmlIsSelfContainedWithImagesEmbeddedAndTextEncoded()
    {
        string html = HtmlReport.Write(Sample());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>A &lt;report&gt; &amp; more</title>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("&lt;angle&gt; &amp; ampersand", html);
        Assert.Contains("<td class=\"num\">1,234</td>", html);
        var sources = Regex.Matches(html, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, sources.Count);
        Assert.All(sources, s =>
        {
            Assert.StartsWith("data:image/png;base64,", s);
            Assert.Equal(Png, Convert.FromBase64String(s["data:image/png;base64,".Length..]));
        });
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
    }
}
