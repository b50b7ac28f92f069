using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rides.Edge.Tests;

/// <summary>Keeps every log line a server writes (message and exception), to assert on what is and is not logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>Whether any line (message, state or exception) contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => _entries.Any(e => e.Text.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + " " + state + " " + exception;
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, text, exception));
        }
    }
}
