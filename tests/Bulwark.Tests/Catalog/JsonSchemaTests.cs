using System.Globalization;
using System.Text.Json.Nodes;
using Bulwark.Catalog.Reading;
using Json.Schema;
using Bulwark.Catalog.Studies;

namespace Bulwark.Tests.Catalog;

/// <summary>
/// The published JSON Schemas (schema/*.json) accept every shipped catalog, scenario and study file, and reject a broken one,
/// so editors that check YAML against them agree with `bulwark validate`.
/// </summary>
public class JsonSchemaTests
{
    private static readonly Lazy<(JsonSchema Scenario, JsonSchema Catalog, JsonSchema Study)> Schemas = new(() =>
    {
        var scenario = JsonSchema.FromText(TestData.Read("schema", "scenario.schema.json"));
        SchemaRegistry.Global.Register(scenario);
        var catalog = JsonSchema.FromText(TestData.Read("schema", "catalog.schema.json"));
        var study = JsonSchema.FromText(TestData.Read("schema", "study.schema.json"));
        return (scenario, catalog, study);
    });

    public static TheoryData<string> CatalogFiles => [.. Directory.GetFiles(TestData.Path("catalog"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<string> ScenarioFiles => [.. Directory.GetFiles(TestData.Path("scenarios"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<string> StudyFiles => [.. Directory.GetFiles(TestData.Path("studies"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(StudyFiles))]
    public void StudyFileMatchesTheStudySchema(string name) =>
        AssertValid(Schemas.Value.Study, TestData.Path("studies", name));

    [Fact]
    public void TheStudySchemaRejectsAMisspeltKeyAndAnUnknownRegion()
    {
        string good = TestData.Read("studies", "lisbon-2010.yaml");
        Assert.False(Schemas.Value.Study.Evaluate(Element(ToJson(YamlNode.Parse("bad.yaml", good.Replace("step_deg:", "step_degs:", StringComparison.Ordinal))))).IsValid);
        Assert.False(Schemas.Value.Study.Evaluate(Element(ToJson(YamlNode.Parse("bad.yaml", good.Replace("region: nato-europe", "region: europe", StringComparison.Ordinal))))).IsValid);
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void CatalogFileMatchesTheCatalogSchema(string name) =>
        AssertValid(Schemas.Value.Catalog, TestData.Path("catalog", name));

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void ScenarioFileMatchesTheScenarioSchema(string name) =>
        AssertValid(Schemas.Value.Scenario, TestData.Path("scenarios", name));

    [Fact]
    public void TheScenarioSchemaRejectsAMisspeltKey()
    {
        JsonNode? json = ToJson(YamlNode.Parse("bad.yaml", "architectur: epaa-phase-3-2018\nthreats: iran-to-europe\n"));
        Assert.False(Schemas.Value.Scenario.Evaluate(Element(json)).IsValid);
    }

    private static void AssertValid(JsonSchema schema, string path)
    {
        JsonNode? json = ToJson(YamlNode.Parse(path, File.ReadAllText(path)));
        EvaluationResults results = schema.Evaluate(Element(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        string errors = string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
        Assert.True(results.IsValid, $"{path}:\n{errors}");
    }

    private static System.Text.Json.JsonElement Element(JsonNode? node) =>
        System.Text.Json.JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement.Clone();

    /// <summary>YAML to JSON with YAML's plain-scalar typing: numbers, true/false, null, else strings.</summary>
    private static JsonNode? ToJson(YamlNode node)
    {
        if (node.IsMapping)
        {
            var o = new JsonObject();
            foreach (var (key, value) in node.Entries())
            {
                o[key] = ToJson(value);
            }

            return o;
        }

        if (node.IsSequence)
        {
            return new JsonArray([.. node.Items().Select(ToJson)]);
        }

        if (node.IsNull)
        {
            return null;
        }

        if (node.IsNumber)
        {
            return JsonValue.Create(double.Parse(node.ScalarText!, CultureInfo.InvariantCulture));
        }

        return node.ScalarText switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            string s => JsonValue.Create(s),
            null => null,
        };
    }
}
