using System.Text.Json;
using Bulwark.Caching;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark cache</c>: shows what a store holds per kind and its bound, clears all or one kind, refuses bad input with exit 2.</summary>
public sealed class CacheCommandTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void AnEmptyStoreShowsNoEntries()
    {
        var result = CliRunner.Run("cache", "--cache-dir", _dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"store: {_dir}", result.Stdout);
        Assert.Matches(@"total\s+0\s+0 B", result.Stdout);
        Assert.Contains("bound: ", result.Stdout);
        Assert.False(Directory.Exists(_dir), "showing made the folder");

        using var json = Json("cache", "show", "--cache-dir", _dir, "--format", "json");
        Assert.Equal(0, json.RootElement.GetProperty("entries").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("kinds").GetArrayLength());
    }

    [Fact]
    public void EntriesWrittenByTheStoreAreShownPerKind()
    {
        var store = new DiskStore(_dir);
        store.Write("reach", DiskStore.KeyOf("a"), new byte[1000]);
        store.Write("reach", DiskStore.KeyOf("b"), new byte[3000]);
        store.Write("calibration", DiskStore.KeyOf("c"), new byte[10]);

        var result = CliRunner.Run("cache", "info", "--cache-dir", _dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"reach\s+2\s+4\.1 KiB", result.Stdout);
        Assert.Matches(@"calibration\s+1\s+94 B", result.Stdout);
        Assert.Matches(@"total\s+3\s+4\.2 KiB", result.Stdout);

        using var json = Json("cache", "--cache-dir", _dir, "--format", "json");
        JsonElement root = json.RootElement;
        Assert.Equal(Path.GetFullPath(_dir), root.GetProperty("directory").GetString());
        Assert.Equal(3, root.GetProperty("entries").GetInt32());
        Assert.Equal(4010 + 3 * 84, root.GetProperty("bytes").GetInt64());
        Assert.Equal(DiskStore.DefaultMaxBytes, root.GetProperty("max_bytes").GetInt64());
        Assert.Equal(["calibration", "reach"], root.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()));

        using var reach = Json("cache", "--cache-dir", _dir, "--format", "json", "--kind", "reach");
        Assert.Equal(2, reach.RootElement.GetProperty("entries").GetInt32());
    }

    [Fact]
    public void ClearRemovesOneKindOrEverything()
    {
        var store = new DiskStore(_dir);
        store.Write("reach", DiskStore.KeyOf("a"), [1]);
        store.Write("reach", DiskStore.KeyOf("b"), [2]);
        store.Write("calibration", DiskStore.KeyOf("c"), [3]);

        var reach = CliRunner.Run("cache", "clear", "--cache-dir", _dir, "--kind", "reach");
        Assert.True(reach.ExitCode == 0, reach.Stderr);
        Assert.Equal($"removed 2 entries of kind reach from {Path.GetFullPath(_dir)}\n", reach.Stdout);
        Assert.Equal(1, store.Usage().Entries);

        using var all = Json("cache", "clear", "--cache-dir", _dir, "--format", "json");
        Assert.Equal(1, all.RootElement.GetProperty("removed").GetInt32());
        Assert.Equal(JsonValueKind.Null, all.RootElement.GetProperty("kind").ValueKind);
        Assert.Equal(0, store.Usage().Entries);
        Assert.False(store.TryRead("calibration", DiskStore.KeyOf("c"), out _));
    }

    [Theory]
    [InlineData("--kind", "../reach")]
    [InlineData("--kind", "Reach")]
    [InlineData("--format", "csv")]
    [InlineData("--format", "yaml")]
    public void BadInputIsExit2WithOneLine(string option, string value)
    {
        foreach (string[] verb in new[] { new[] { "cache" }, ["cache", "clear"] })
        {
            var result = CliRunner.Run([.. verb, "--cache-dir", _dir, option, value]);
            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.StartsWith("error: ", result.Stderr);
            Assert.Contains(option, result.Stderr);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    /// <summary>Without <c>--cache-dir</c> the verb uses <c>BULWARK_CACHE_DIR</c>, which this test process sets to a temporary folder (<see cref="Bulwark.Tests.IsolatedCache"/>): the tests never touch the user's store.</summary>
    [Fact]
    public void WithoutCacheDirItUsesTheEnvironmentsFolder()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("BULWARK_CACHE_DIR");
        Assert.NotNull(fromEnvironment);
        Assert.StartsWith(Path.GetTempPath(), fromEnvironment);
        using var json = Json("cache", "--format", "json");
        Assert.Equal(fromEnvironment, json.RootElement.GetProperty("directory").GetString());
    }

    private static JsonDocument Json(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout);
    }
}
