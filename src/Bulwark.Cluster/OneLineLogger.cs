using Microsoft.Extensions.Logging;

namespace Bulwark.Cluster;

/// <summary>Orleans' log messages at a level and above, one line each, to a callback (a worker's stderr).</summary>
internal sealed class OneLineLoggerProvider(Action<string> write, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, write, minimum);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Action<string> write, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string text = formatter(state, exception);
            if (text.StartsWith("Note: ", StringComparison.Ordinal) && text.Contains("ServerGC", StringComparison.Ordinal))
            {
                return; // Orleans' advice to turn on server GC, at every start: chatter for a command-line worker
            }

            if (exception is not null)
            {
                text += $" ({exception.GetType().Name}: {exception.Message})";
            }

            string source = category.StartsWith("Orleans.", StringComparison.Ordinal) ? "orleans" : category;
            write($"{source} {logLevel.ToString().ToLowerInvariant()}: {string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
        }
    }
}
