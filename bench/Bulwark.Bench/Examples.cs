using System.Reflection;

namespace Bulwark.Bench;

/// <summary>The repository's example files, embedded in this assembly (see Bulwark.Bench.csproj).</summary>
internal static class Examples
{
    public const string Nesc09Flight = "examples/flights/nesc-09-eastward-cannonball.yaml";

    public const string EuropeRaid = "scenarios/raid-iran-10-on-europe-epaa-phase-3-2018.yaml";

    /// <summary>The text of an embedded example, by its path relative to the repository root.</summary>
    public static string Read(string path)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"{path} is not embedded in the benchmark assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
