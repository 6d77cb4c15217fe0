namespace Bulwark.Tests;

/// <summary>Paths of the data files copied next to the test assembly.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));
}
