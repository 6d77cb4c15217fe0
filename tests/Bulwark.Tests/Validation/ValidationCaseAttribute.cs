namespace Bulwark.Tests.Validation;

/// <summary>The kinds of validation docs/validation.md groups its cases under (in this order).</summary>
public enum ValidationArea
{
    ClosedForm,
    IndependentSimulators,
    PublishedFindings,
    Geodesy,
    Atmosphere,
    Targeting,
    Catalog,
    Sensing,
    Engagement,
    Analyses,
    Raids,
    Viewer,
}

/// <summary>
/// Marks a test as a validation case: docs/validation.md is generated from these attributes (and the results the tests
/// record with <see cref="ValidationLog.Measured"/>), and <see cref="ValidationDocumentTests"/> fails when the document
/// and the attributes disagree. Source, tolerance and the reason for the tolerance are required.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ValidationCaseAttribute(ValidationArea area, string title) : Attribute
{
    public ValidationArea Area { get; } = area;

    /// <summary>What is checked, in a line.</summary>
    public string Title { get; } = title;

    /// <summary>Where the expected value comes from (a REFERENCES.md item, a paper, a standard, a closed form).</summary>
    public required string Source { get; init; }

    /// <summary>The tolerance or pass criterion.</summary>
    public required string Tolerance { get; init; }

    /// <summary>Why that tolerance (the source's precision, a model limit, a resolution).</summary>
    public required string Why { get; init; }

    /// <summary>Where the model and the source disagree, or what the case does not assert, with the numbers (optional).</summary>
    public string? Note { get; init; }
}
