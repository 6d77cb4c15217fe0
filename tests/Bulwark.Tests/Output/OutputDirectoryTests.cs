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

    [Fact]
    public void AFileThatCannotBeMovedIntoPlaceTakesTheOthersBackOut()
    {
        // The third file's place is taken by a folder: the first two, already moved in, must go and the old a.csv return.
        Directory.CreateDirectory(Path.Combine(_root, "c.czml"));
        File.WriteAllText(Path.Combine(_root, "a.csv"), "old");
        var files = new Dictionary<string, string> { ["a.csv"] = "new", ["b.geojson"] = "{}", ["c.czml"] = "[]" };
        Assert.ThrowsAny<IOException>(() => OutputDirectory.WriteAll(_root, files));
        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "a.csv")));
        Assert.Equal(["a.csv", "c.czml"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void StaleStagingFoldersAreRemovedByTheNextWrite()
    {
        Directory.CreateDirectory(_root);
        string deadOwner = Path.Combine(_root, OutputDirectory.StagingPrefix + "2147483646-" + Guid.NewGuid().ToString("N"));
        string oldLegacy = Path.Combine(_root, OutputDirectory.StagingPrefix + Guid.NewGuid().ToString("N"));
        string freshLegacy = Path.Combine(_root, OutputDirectory.StagingPrefix + Guid.NewGuid().ToString("N"));
        string liveOwner = Path.Combine(_root, OutputDirectory.StagingPrefix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        foreach (string d in new[] { deadOwner, oldLegacy, freshLegacy, liveOwner })
        {
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "a.csv"), "half");
        }

        Directory.SetLastWriteTimeUtc(oldLegacy, DateTime.UtcNow - TimeSpan.FromMinutes(5));
        OutputDirectory.WriteAll(_root, new Dictionary<string, string> { ["a.csv"] = "new" });
        Assert.False(Directory.Exists(deadOwner));
        Assert.False(Directory.Exists(oldLegacy));
        Assert.True(Directory.Exists(freshLegacy));
        Assert.True(Directory.Exists(liveOwner));
        Assert.Equal("new", File.ReadAllText(Path.Combine(_root, "a.csv")));
    }

    [Fact]
    public void ARunKilledWhileMovingIsRolledBackByTheNextOne()
    {
        // What a kill between the moves of a.csv and b.csv leaves: the new a.csv in place, the old one aside, the new
        // b.csv still staged. The next write into the folder (of other files) restores the old a.csv.
        Directory.CreateDirectory(_root);
        string staging = Path.Combine(_root, OutputDirectory.StagingPrefix + "2147483646-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(staging, ".previous"));
        File.WriteAllLines(Path.Combine(staging, ".moving"), ["a.csv", "b.csv"]);
        File.WriteAllText(Path.Combine(_root, "a.csv"), "killed run");
        File.WriteAllText(Path.Combine(staging, ".previous", "a.csv"), "old");
        File.WriteAllText(Path.Combine(staging, "b.csv"), "killed run");
        OutputDirectory.WriteAll(_root, new Dictionary<string, string> { ["other.txt"] = "x" });
        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "a.csv")));
        Assert.Equal(["a.csv", "other.txt"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }
}
