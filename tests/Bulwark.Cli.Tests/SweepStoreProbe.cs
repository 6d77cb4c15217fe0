using Bulwark.Sweeps;

namespace Bulwark.Tests;

/// <summary>How many runs a sweep's store holds while another process writes it (0 while it is being created); the
/// kill-and-resume tests poll it. Compiled into the CLI and the cluster tests.</summary>
internal static class SweepStoreProbe
{
    public static int Stored(string storePath)
    {
        if (!File.Exists(storePath))
        {
            return 0;
        }

        try
        {
            using var store = new RunStore(storePath);
            return store.Count;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return 0; // being created
        }
    }
}
