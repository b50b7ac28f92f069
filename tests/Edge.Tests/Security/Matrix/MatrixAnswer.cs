namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>What a call answered: success, or an error code (with the HTTP status where there is one).</summary>
public sealed record MatrixAnswer(bool Ok, string? Code, int? Status = null, string? Text = null)
{
    /// <inheritdoc />
    public override string ToString() => (Ok ? "success" : Code ?? "no code") + (Status is { } s ? $" (HTTP {s})" : string.Empty) + (Text is null ? string.Empty : ": " + Text);
}
