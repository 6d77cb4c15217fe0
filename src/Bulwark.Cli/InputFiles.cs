
namespace Bulwark.Cli;

/// <summary>Reads the files the verbs are given (flight, scenario, missile files).</summary>
internal static class InputFiles
{
    /// <summary>The text of <paramref name="path"/>; a missing file is bad input (exit 2).</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, null, "no such file");
        }

        return File.ReadAllText(path);
    }
}
