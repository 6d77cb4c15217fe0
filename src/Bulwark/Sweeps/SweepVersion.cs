namespace Bulwark.Sweeps;

/// <summary>
/// The model and code version that sweeps of the library's models put in their run keys and <see cref="SweepJob"/>s:
/// the library module's version id, which changes whenever the library is rebuilt from other sources (builds are
/// deterministic, so the same sources give the same id on every machine). A cluster worker refuses a job of another
/// version: its numbers could differ.
/// </summary>
public static class SweepVersion
{
    /// <summary>The library module's version id as 32 lowercase hex digits.</summary>
    public static string Current { get; } = typeof(SweepVersion).Module.ModuleVersionId.ToString("N");
}
