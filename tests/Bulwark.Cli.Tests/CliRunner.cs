namespace Bulwark.Cli.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static string Example(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "examples", .. parts]);

    /// <summary>A fresh file under a per-test temporary folder.</summary>
    public static string TempFile(string name, string content)
    {
        string dir = Path.Combine(Path.GetTempPath(), "bulwark-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string TempDir() => Path.Combine(Path.GetTempPath(), "bulwark-tests", Guid.NewGuid().ToString("N"));
}
