using System.Runtime.CompilerServices;

namespace Bulwark.Tests;

/// <summary>
/// The tests never touch the user's store (docs/cache.md): before any test runs, <c>BULWARK_CACHE_DIR</c> points this
/// process (and the processes it starts) at a fresh temporary folder.
/// </summary>
internal static class IsolatedCache
{
    /// <summary>Points the store at a fresh folder (this file is compiled into the CLI tests too).</summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bulwark-tests-cache", Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", dir);

        // The store holds hundreds of megabytes of reach tables by the end of a run: removed when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }
}
