using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark catalog</c>: listings with sources and confidence, one whole entry, JSON.</summary>
public class CatalogCommandTests
{
    [Fact]
    public void ListingAKindShowsEveryEntryWithConfidenceAndSource()
    {
        var result = CliRunner.Run("catalog", "interceptors");
        Assert.Equal(0, result.ExitCode);
        foreach (string id in new[] { "sm-3-ia", "sm-3-ib", "sm-3-iia", "sm-3-iib", "gbi-2-stage-mda", "gbi-2-stage-postol", "gbi-3-stage", "russian-exo-notional" })
        {
            Assert.Contains(id, result.Stdout);
        }

        Assert.Contains("sankaran-act-2013", result.Stdout); // the IIB's 5.5 km/s, published
        Assert.Contains("published", result.Stdout);
    }

    [Fact]
    public void OneEntryJsonGivesEveryNumberWithUnitConfidenceAndCitation()
    {
        var result = CliRunner.Run("catalog", "sm-3-iib", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        JsonElement entry = doc.RootElement.GetProperty("entries")[0];
        Assert.Equal("sm-3-iib", entry.GetProperty("id").GetString());
        JsonElement burnout = entry.GetProperty("numbers").EnumerateArray().Single(n => n.GetProperty("key").GetString() == "burnout_speed_km_s");
        Assert.Equal(5.5, burnout.GetProperty("value").GetDouble());
        Assert.Equal("km/s", burnout.GetProperty("unit").GetString());
        Assert.Equal("published", burnout.GetProperty("confidence").GetString());
        Assert.Contains("5.5", result.Stdout);
        foreach (JsonElement n in entry.GetProperty("numbers").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(n.GetProperty("unit").GetString()));
            Assert.False(string.IsNullOrEmpty(n.GetProperty("confidence").GetString()));
            Assert.False(string.IsNullOrEmpty(n.GetProperty("citation").GetString()));
        }
    }

    [Fact]
    public void AnUnknownIdIsABadInputError()
    {
        var result = CliRunner.Run("catalog", "sm-4");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'sm-4' is neither a kind", result.Stderr);
    }

    [Fact]
    public void FlyTakesCatalogIds()
    {
        var result = CliRunner.Run("fly", "--missile", "sejjil-2", "--from", "semnan", "--to", "ankara", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("miss_distance_m").GetDouble() < 1000);
    }

    /// <summary>Garwin and Postol 2009 (REFERENCES V9f): the Sejjil-2 from Semnan cannot reach most European capitals.</summary>
    [Theory]
    [InlineData("bucharest")]
    [InlineData("warsaw")]
    [InlineData("rome")]
    [InlineData("berlin")]
    [InlineData("paris")]
    [InlineData("brussels")]
    [InlineData("london")]
    [InlineData("madrid")]
    public void Sejjil2FromSemnanCannotReachTheCapital(string capital)
    {
        var result = CliRunner.Run("fly", "--missile", "sejjil-2", "--from", "semnan", "--to", capital);
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"beyond Sejjil-2's maximum range of 2\d{3}\.\d km in that direction", result.Stderr);
    }
}
