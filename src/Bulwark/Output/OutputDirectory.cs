namespace Bulwark.Output;

/// <summary>
/// Writes a set of files into a directory all at once: each is written to a staging folder inside the target first and
/// moved into place only when every one was written, so a failure leaves no half-written output.
/// </summary>
public static class OutputDirectory
{
    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files) =>
        WriteAll(directory, files, new Dictionary<string, byte[]>());

    /// <summary>Text files (UTF-8) and binary files (PNG …) together, all or nothing.</summary>
    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, byte[]> binaries)
    {
        CheckName(directory);
        Directory.CreateDirectory(directory);
        string staging = Path.Combine(directory, ".bulwark-staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(staging, name), content);
            }

            foreach (var (name, content) in binaries)
            {
                File.WriteAllBytes(Path.Combine(staging, name), content);
            }

            foreach (var name in files.Keys.Concat(binaries.Keys))
            {
                File.Move(Path.Combine(staging, name), Path.Combine(directory, name), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>An empty or blank folder name is bad input (<c>--out ''</c>), not an internal error.</summary>
    public static void CheckName(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || directory.IndexOf('\0') >= 0)
        {
            throw new InputException(null, null, null, "--out", $"'{directory.Replace("\0", "\\0", StringComparison.Ordinal)}' is not a folder name; expected the folder to write the files into");
        }
    }
}
