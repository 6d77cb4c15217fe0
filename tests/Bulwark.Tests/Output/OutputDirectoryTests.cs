using Bulwark.Output;

namespace Bulwark.Tests.Output;

public sealed class OutputDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulwark-output-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void WritesEveryFileAndLeavesNoStagingFolder()
    {
        string dir = Path.Combine(_root, "out", "nested");
        var files = new Dictionary<string, string> { ["a.csv"] = "t_s\n1\n", ["b.geojson"] = "{}\n", ["c.czml"] = "[]\n" };
        OutputDirectory.WriteAll(dir, files);
        Assert.Equal(["a.csv", "b.geojson", "c.czml"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        foreach (var (name, content) in files)
        {
            Assert.Equal(content, File.ReadAllText(Path.Combine(dir, name)));
        }
    }

    [Fact]
    public void ReplacesExistingFilesAndKeepsOthers()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "a.csv"), "old");
        File.WriteAllText(Path.Combine(_root, "keep.txt"), "mine");
        OutputDirectory.WriteAll(_root, new Dictionary<string, string> { ["a.csv"] = "new" });
        Assert.Equal("new", File.ReadAllText(Path.Combine(_root, "a.csv")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_root, "keep.txt")));
        Assert.Equal(2, Directory.GetFileSystemEntries(_root).Length);
    }

    [Fact]
    public void AFailedWriteLeavesNothingBehind()
    {
        // The second file cannot be written (its folder does not exist in the staging area): the first must not appear
        // either, and the staging folder must be gone (class summary: no half-written output).
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "a.csv"), "old");
        var files = new Dictionary<string, string> { ["a.csv"] = "new", [Path.Combine("missing", "b.csv")] = "x" };
        Assert.ThrowsAny<IOException>(() => OutputDirectory.WriteAll(_root, files));
        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "a.csv")));
        Assert.Equal(["a.csv"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }
}
