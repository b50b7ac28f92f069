using Microsoft.Extensions.Logging;

namespace Rides.Edge.Tests;

/// <summary>One captured log line.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text, Exception? Exception);
