using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Rides.Edge.Http;

/// <summary>
/// Kestrel connection middleware that routes the connection's output through <see cref="RejectionBodyWriter"/>,
/// so the answers Kestrel writes before any application code runs carry the error envelope too. It sees plain
/// HTTP/1.1 only: behind TLS it sees ciphertext and changes nothing.
/// </summary>
internal static class RejectionBodyConnection
{
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new Duplex(transport.Input, new RejectionBodyWriter(transport.Output));
        return next(connection);
    };

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
