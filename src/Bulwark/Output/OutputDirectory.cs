using System.Diagnostics;
using System.Globalization;

namespace Bulwark.Output;

/// <summary>
/// Writes a set of files into a directory all at once: each is written to a staging folder inside the target first and
/// moved into place only when every one was written, so a failure leaves no half-written output. A file already there
/// is moved aside into the staging folder before the new one takes its place, and moved back if a later move fails:
/// the folder holds the whole new set or its previous content.
/// </summary>
/// <remarks>
/// A run killed while writing leaves its staging folder, <c>.bulwark-staging-PID-GUID</c>. The next write into the same
/// folder removes it when its process (PID) is no longer alive, or when it is older than <see cref="StaleAfter"/>
/// (folders without a PID, from older versions, by age alone). A folder killed while moving files into place holds a
/// list of them (<c>.moving</c>): the removal first rolls that run back (its moved files deleted, the files it had moved
/// aside put back), so the folder again holds the content it had before the killed run.
/// </remarks>
public static class OutputDirectory
{
    /// <summary>The prefix of staging folders.</summary>
    public const string StagingPrefix = ".bulwark-staging-";

    /// <summary>A staging folder this old belongs to no live write (writes take seconds).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private const string Previous = ".previous";
    private const string Manifest = ".moving";

    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files) =>
        WriteAll(directory, files, new Dictionary<string, byte[]>());

    /// <summary>Text files (UTF-8) and binary files (PNG …) together, all or nothing.</summary>
    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, byte[]> binaries)
    {
        CheckName(directory);
        Directory.CreateDirectory(directory);
        RemoveStaleStaging(directory);
        string staging = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{StagingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
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

            string[] names = [.. files.Keys.Concat(binaries.Keys)];
            Directory.CreateDirectory(Path.Combine(staging, Previous));
            File.WriteAllLines(Path.Combine(staging, Manifest), names);
            try
            {
                foreach (string name in names)
                {
                    string target = Path.Combine(directory, name);
                    if (File.Exists(target))
                    {
                        File.Move(target, Path.Combine(staging, Previous, name));
                    }

                    File.Move(Path.Combine(staging, name), target);
                }
            }
            catch
            {
                RollBack(directory, staging, names);
                throw;
            }
        }
        finally
        {
            TryDelete(staging);
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

    /// <summary>Removes the staging folders in <paramref name="directory"/> left by killed runs (the rule in the remarks).</summary>
    public static void RemoveStaleStaging(string directory)
    {
        foreach (string staging in Directory.EnumerateDirectories(directory, StagingPrefix + "*"))
        {
            if (!IsStale(staging))
            {
                continue;
            }

            string manifest = Path.Combine(staging, Manifest);
            if (File.Exists(manifest))
            {
                try
                {
                    RollBack(directory, staging, File.ReadAllLines(manifest));
                }
                catch (IOException)
                {
                    // best effort: what cannot be put back stays in the staging folder's removal below
                }
            }

            TryDelete(staging);
        }
    }

    private static bool IsStale(string staging)
    {
        string rest = Path.GetFileName(staging)[StagingPrefix.Length..];
        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            if (pid == Environment.ProcessId)
            {
                return false;
            }

            if (!IsAlive(pid))
            {
                return true;
            }
        }

        return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(staging) > StaleAfter;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Undoes the moves of a write: its files that reached the folder go, the ones they replaced come back.</summary>
    private static void RollBack(string directory, string staging, IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            string target = Path.Combine(directory, name);
            string previous = Path.Combine(staging, Previous, name);
            if (!File.Exists(Path.Combine(staging, name)) && File.Exists(target))
            {
                File.Delete(target);
            }

            if (File.Exists(previous))
            {
                File.Move(previous, target, overwrite: true);
            }
        }
    }

    private static void TryDelete(string staging)
    {
        try
        {
            Directory.Delete(staging, recursive: true);
        }
        catch (IOException)
        {
            // left for the next run's clean-up
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
