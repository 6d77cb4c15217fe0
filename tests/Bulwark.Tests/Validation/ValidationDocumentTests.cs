using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Bulwark.Tests.Validation;

/// <summary>
/// docs/validation.md is generated from the <see cref="ValidationCaseAttribute"/>s and the recorded results
/// (tools/validation-report.sh); these tests fail when the document no longer matches the tests, so it cannot drift.
/// </summary>
public class ValidationDocumentTests
{
    public const string UpdateVariable = "BULWARK_UPDATE_VALIDATION_DOC";

    [Fact]
    public void TheDocumentListsEveryValidationCaseWithItsSourceAndTolerance()
    {
        string path = RepositoryDocument();
        string current = File.ReadAllText(path).Replace("\r\n", "\n");
        var results = new Dictionary<string, string>(ValidationDocument.Results(current), StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            foreach (var (test, measured) in Recorded())
            {
                results[test] = measured;
            }

            File.WriteAllText(path, ValidationDocument.Render(ValidationDocument.Cases(), results));
            return;
        }

        string expected = ValidationDocument.Render(ValidationDocument.Cases(), results);
        Assert.True(expected == current, "docs/validation.md does not match the [ValidationCase] attributes: run tools/validation-report.sh");
    }

    [Fact]
    public void EveryCaseInTheRegularRunQuotesAResult()
    {
        var results = ValidationDocument.Results(File.ReadAllText(RepositoryDocument()).Replace("\r\n", "\n"));
        var missing = ValidationDocument.Cases().Where(c => !c.Explicit && !results.ContainsKey(c.TestId)).Select(c => c.TestId).ToList();
        Assert.True(missing.Count == 0, "no recorded result (run tools/validation-report.sh): " + string.Join(", ", missing));
        Assert.DoesNotContain(ValidationDocument.Cases(), c => results.TryGetValue(c.TestId, out string? r) && !c.Explicit && r == ValidationDocument.NotMeasured);
    }

    [Fact]
    public void EveryCaseNamesASourceAToleranceAndItsReason()
    {
        var cases = ValidationDocument.Cases();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Info.Source), c.TestId);
            Assert.False(string.IsNullOrWhiteSpace(c.Info.Tolerance), c.TestId);
            Assert.False(string.IsNullOrWhiteSpace(c.Info.Why), c.TestId);
        });
        Assert.Equal(cases.Count, cases.Select(c => c.Info.Title).Distinct().Count());
    }

    /// <summary>The results the suite recorded in this run (tools/validation-report.sh), each with today's date.</summary>
    private static IEnumerable<(string Test, string Measured)> Recorded()
    {
        string? file = Environment.GetEnvironmentVariable(ValidationLog.ResultsVariable);
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            return [];
        }

        string date = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadAllLines(file)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Dictionary<string, string>>(l)!)
            .GroupBy(d => d["test"], StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join("; ", g.Select(d => d["measured"]).Distinct().Order(StringComparer.Ordinal)) + $" (measured {date})")); // sorted: theory rows finish in any order
    }

    private static string RepositoryDocument([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "docs", "validation.md"));
}
