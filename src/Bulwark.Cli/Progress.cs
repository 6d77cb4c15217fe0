using Spectre.Console;

namespace Bulwark.Cli;

/// <summary>
/// A spinner with a status line on stderr while a long computation runs, shown only when stderr is a terminal (never in
/// pipes, files or tests, so stdout stays clean and outputs stay byte-identical).
/// </summary>
internal static class Progress
{
    public static T Run<T>(TextWriter stderr, string status, Func<T> work)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return work();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Status().Spinner(Spinner.Known.Dots).Start(status, _ => result = work());
        return result;
    }
}
