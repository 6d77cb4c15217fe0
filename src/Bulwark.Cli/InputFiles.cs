using System.Text;
using Bulwark.Catalog.Reading;

namespace Bulwark.Cli;

/// <summary>Reads the files the verbs are given (flight, scenario, missile files).</summary>
internal static class InputFiles
{
    /// <summary>
    /// The text of <paramref name="path"/>; a missing file, a folder or a file larger than
    /// <see cref="InputLimits.MaxInputChars"/> bytes is bad input (exit 2). The read is bounded: an endless input
    /// (<c>/dev/zero</c>, a pipe) stops at the limit instead of filling the memory.
    /// </summary>
    public static string Read(string path)
    {
        if (path.Length == 0)
        {
            throw new InputException("''", null, null, null, "an empty file name; expected the path of a file");
        }

        if (Directory.Exists(path))
        {
            throw new InputException(path, null, null, null, "a folder; expected a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, null, "no such file");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes.Write(buffer, 0, n);
            if (bytes.Length > InputLimits.MaxInputChars)
            {
                throw new InputException(path, null, null, null, InputLimits.TooLarge);
            }
        }

        bytes.Position = 0;
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
