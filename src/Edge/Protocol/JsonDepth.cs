using System.Buffers;

namespace Rides.Edge.Protocol;

/// <summary>
/// How deeply a client's JSON nests objects and arrays, found by one pass over the bytes (strings skipped), before
/// any parser runs: System.Text.Json stops at <see cref="MaxDepth"/> levels with an exception that would otherwise
/// end a hub connection without a code or reach a dialect as "not JSON".
/// </summary>
public static class JsonDepth
{
    /// <summary>The deepest nesting of objects and arrays a hub message or a socket frame may have (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>Whether <paramref name="json"/> opens more than <paramref name="maxDepth"/> objects or arrays inside one another.</summary>
    public static bool Exceeds(ReadOnlySpan<byte> json, int maxDepth = MaxDepth)
    {
        var state = default(ScanState);
        return state.Scan(json, maxDepth);
    }

    /// <summary>Whether <paramref name="json"/> (possibly in several segments) opens more than <paramref name="maxDepth"/> objects or arrays inside one another.</summary>
    public static bool Exceeds(in ReadOnlySequence<byte> json, int maxDepth = MaxDepth)
    {
        var state = default(ScanState);
        foreach (var segment in json)
        {
            if (state.Scan(segment.Span, maxDepth))
            {
                return true;
            }
        }

        return false;
    }

    private struct ScanState
    {
        private int _depth;
        private bool _inString;
        private bool _escaped;

        public bool Scan(ReadOnlySpan<byte> json, int maxDepth)
        {
            foreach (var b in json)
            {
                if (_inString)
                {
                    if (_escaped)
                    {
                        _escaped = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        _escaped = true;
                    }
                    else if (b == (byte)'"')
                    {
                        _inString = false;
                    }

                    continue;
                }

                switch (b)
                {
                    case (byte)'"':
                        _inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        if (++_depth > maxDepth)
                        {
                            return true;
                        }

                        break;
                    case (byte)'}' or (byte)']':
                        _depth = Math.Max(0, _depth - 1);
                        break;
                }
            }

            return false;
        }
    }
}
