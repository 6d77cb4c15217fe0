using System.Runtime.CompilerServices;

namespace Bulwark.Tests;

/// <summary>
/// The tests never touch the user's store (docs/cache.md): before any test runs, <c>BULWARK_CACHE_DIR</c> points this
/// process (and the processes it starts) at a fresh temporary folder.
/// </summary>
internal static class IsolatedCache
{
    [ModuleInitializer]
    internal static void Initialize() =>
        Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", Path.Combine(Path.GetTempPath(), "bulwark-tests-cache", Guid.NewGuid().ToString("N")));
}
