namespace Bulwark.Output.Reports;

/// <summary>A block of a report: what the Markdown and HTML writers render.</summary>
public abstract record ReportBlock;

/// <summary>A heading, level 1 (the title) to 4.</summary>
public sealed record Heading(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of plain text; <c>`code`</c> spans are kept as code.</summary>
public sealed record Paragraph(string Text) : ReportBlock;

/// <summary>A bulleted list.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A preformatted block (commands).</summary>
public sealed record CodeBlock(string Text) : ReportBlock;

/// <summary>A table; <paramref name="RightAligned"/> marks numeric columns.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool>? RightAligned = null) : ReportBlock;

/// <summary>Images side by side (one or more), each a file of the report's directory.</summary>
public sealed record Figure(IReadOnlyList<ReportImage> Images, string Caption) : ReportBlock;

/// <summary>A PNG written beside the report (<paramref name="FileName"/>) and embedded in the HTML.</summary>
public sealed record ReportImage(string FileName, string AltText, byte[] Png);

/// <summary>A report: a title and its blocks, written as Markdown and as self-contained HTML.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>Every image the report shows, once each by file name.</summary>
    public IReadOnlyList<ReportImage> Images =>
        [.. Blocks.OfType<Figure>().SelectMany(f => f.Images).GroupBy(i => i.FileName, StringComparer.Ordinal).Select(g => g.First())];
}
