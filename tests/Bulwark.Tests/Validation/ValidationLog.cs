using System.Text.Json;

namespace Bulwark.Tests.Validation;

/// <summary>
/// What a validation case measured. The text goes to the test's output and, when BULWARK_VALIDATION_RESULTS names a
/// file (tools/validation-report.sh sets it), is appended there as a JSON line so docs/validation.md can quote it.
/// </summary>
public static class ValidationLog
{
    public const string ResultsVariable = "BULWARK_VALIDATION_RESULTS";

    private static readonly Lock Gate = new();

    /// <summary>Records what the running test measured (call once per test or once per theory row).</summary>
    public static void Measured(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        string? file = Environment.GetEnvironmentVariable(ResultsVariable);
        string? method = TestContext.Current.TestMethod?.MethodName;
        string? type = TestContext.Current.TestClass?.TestClassName;
        if (string.IsNullOrEmpty(file) || method is null || type is null)
        {
            return;
        }

        string line = JsonSerializer.Serialize(new Dictionary<string, string> { ["test"] = ValidationDocument.TestId(type, method), ["measured"] = text });
        lock (Gate)
        {
            File.AppendAllText(file, line + "\n");
        }
    }
}
