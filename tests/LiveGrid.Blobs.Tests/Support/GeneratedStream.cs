namespace LiveGrid.Blobs.Tests.Support;

/// <summary>
/// A forward-only stream of <paramref name="length"/> deterministic pseudo-random bytes, produced as it is read: a
/// large upload through it proves the store streams (nothing hands it a buffer or lets it seek).
/// </summary>
internal sealed class GeneratedStream(long length, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The same bytes, for checking what came back.</summary>
    public static byte[] Expected(long length, int seed)
    {
        var bytes = new byte[length];
        using var stream = new GeneratedStream(length, seed);
        stream.ReadExactly(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        _random.NextBytes(buffer.AsSpan(offset, n));
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
