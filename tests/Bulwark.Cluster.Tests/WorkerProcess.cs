using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bulwark.Cluster.Tests;

/// <summary>A real <c>bulwark worker</c> process (the CLI copied beside the tests), with its stderr lines kept.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue(e.Data);
            }
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue("stdout: " + e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Name { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a worker and waits until it is an active member of the cluster.</summary>
    public static WorkerProcess Start(string connectionString, string name, int threads, params string[] more)
    {
        WorkerProcess w = Launch(["worker", "--cluster", connectionString, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", name, .. more], name);
        w.WaitFor("active: ", TimeSpan.FromSeconds(60));
        return w;
    }

    /// <summary>Starts <c>bulwark</c> with <paramref name="args"/> without waiting.</summary>
    public static WorkerProcess Launch(string[] args, string name)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bulwark.exe" : "bulwark");
        var info = File.Exists(exe)
            ? new ProcessStartInfo(exe)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bulwark.dll") } };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return new WorkerProcess(Process.Start(info)!, name);
    }

    public void WaitFor(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"worker {Name} did not log '{text}' ({(_process.HasExited ? $"exited with {_process.ExitCode}" : "timed out")}):\n{string.Join('\n', Lines)}");
            }

            Thread.Sleep(50);
        }
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        bool exited = _process.WaitForExit(timeout);
        if (exited)
        {
            _process.WaitForExit(); // drains the output
        }

        return exited;
    }

    /// <summary>SIGKILL (Process.Kill is SIGKILL on Linux).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as a service manager stops a worker.</summary>
    public void Terminate()
    {
        if (OperatingSystem.IsWindows())
        {
            _process.Kill();
            return;
        }

        using Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
