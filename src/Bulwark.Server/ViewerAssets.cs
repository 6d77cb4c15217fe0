namespace Bulwark.Server;

/// <summary>Finds the page's npm assets (<c>viewer/node_modules</c>) and the scenario files on disk.</summary>
public static class ViewerAssets
{
    /// <summary>The environment variable that names the viewer folder, overriding the search.</summary>
    public const string ViewerDirVariable = "BULWARK_VIEWER_DIR";

    /// <summary>
    /// The folder <c>viewer/</c> holding <c>node_modules/cesium</c>: <see cref="ViewerDirVariable"/> if set, else the
    /// first <c>viewer/</c> found going up from the executable's folder (the repository in a build, the publish folder
    /// after <c>dotnet publish</c>), then from the working directory. Null if none has CesiumJS installed.
    /// </summary>
    public static string? FindViewerDir()
    {
        if (Environment.GetEnvironmentVariable(ViewerDirVariable) is { Length: > 0 } dir)
        {
            return dir;
        }

        return Up(AppContext.BaseDirectory, "viewer", d => File.Exists(Path.Combine(d, "node_modules", "cesium", "Build", "Cesium", "Cesium.js")))
            ?? Up(Directory.GetCurrentDirectory(), "viewer", d => File.Exists(Path.Combine(d, "node_modules", "cesium", "Build", "Cesium", "Cesium.js")));
    }

    /// <summary>The repository's <c>scenarios/</c> folder, found going up from the executable's folder, then the working directory.</summary>
    public static string? FindScenariosDir() =>
        Up(AppContext.BaseDirectory, "scenarios", d => Directory.EnumerateFiles(d, "*.yaml").Any())
        ?? Up(Directory.GetCurrentDirectory(), "scenarios", d => Directory.EnumerateFiles(d, "*.yaml").Any());

    public static string CesiumDir(string viewerDir) => Path.Combine(viewerDir, "node_modules", "cesium", "Build", "Cesium");

    private static string? Up(string from, string name, Func<string, bool> accept)
    {
        for (DirectoryInfo? d = new(from); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, name);
            if (Directory.Exists(candidate) && accept(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
