using System.IO.Pipelines;

namespace Rides.Edge.Http;

/// <summary>
/// The connection's output as Kestrel writes it, passed through unchanged except for Kestrel's own rejection
/// answers, which get the error envelope (see <see cref="KestrelRejections"/>). Kestrel writes such an answer in
/// one piece into memory it asked for, so the check looks at each piece as it is committed; nothing is copied
/// on the way of ordinary traffic.
/// </summary>
internal sealed class RejectionBodyWriter(PipeWriter inner) : PipeWriter
{
    private Memory<byte> _lastMemory;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _lastMemory = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        if (bytes >= KestrelRejections.MinLength && bytes <= _lastMemory.Length
            && KestrelRejections.TryRewrite(_lastMemory.Span[..bytes], out var rewritten))
        {
            // Nothing was committed yet: ask again for room at the same place and write the longer answer there.
            rewritten.CopyTo(inner.GetSpan(rewritten.Length));
            inner.Advance(rewritten.Length);
            _lastMemory = default;
            return;
        }

        _lastMemory = default;
        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}
