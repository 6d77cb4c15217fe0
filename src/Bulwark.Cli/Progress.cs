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

    /// <summary>
    /// A progress bar on stderr (terminal only) that <paramref name="work"/> drives through the progress it is given:
    /// the stage's description and the fraction of the whole done.
    /// </summary>
    public static T RunWithBar<T>(TextWriter stderr, string title, Func<IProgress<(string Stage, double Fraction)>?, T> work)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(title, maxValue: 1);
                result = work(new ActionProgress(p =>
                {
                    task.Description = Markup.Escape(p.Stage);
                    task.Value = p.Fraction;
                }));
                task.Value = 1;
            });
        return result;
    }

    /// <summary>Applies each report at once, on the reporting thread.</summary>
    private sealed class ActionProgress(Action<(string Stage, double Fraction)> apply) : IProgress<(string Stage, double Fraction)>
    {
        public void Report((string Stage, double Fraction) value) => apply(value);
    }
}
