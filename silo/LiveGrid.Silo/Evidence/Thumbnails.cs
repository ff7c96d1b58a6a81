using SkiaSharp;

namespace LiveGrid.Silo.Evidence;

/// <summary>Scales a stored photo down with SkiaSharp so its longer side is the requested size (never up).</summary>
public static class Thumbnails
{
    /// <summary>The encoded thumbnail (JPEG for a JPEG, PNG otherwise), or null when Skia cannot decode the photo.</summary>
    public static byte[]? Create(byte[] photo, EvidenceFormat format, int size)
    {
        using var data = SKData.CreateCopy(photo);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var full = codec.Info;
        var scale = Math.Min(1.0, (double)size / Math.Max(full.Width, full.Height));
        var width = Math.Max(1, (int)Math.Round(full.Width * scale));
        var height = Math.Max(1, (int)Math.Round(full.Height * scale));

        // Decode at the smallest size the codec offers that is still at least the thumbnail (JPEG scales by 1/2-1/8
        // while decoding), so a large photo is never expanded to full size in memory just to be shrunk.
        var offered = codec.GetScaledDimensions((float)scale);
        var decodeAt = offered.Width >= width && offered.Height >= height ? offered : new SKSizeI(full.Width, full.Height);
        using var original = SKBitmap.Decode(codec, full.WithSize(decodeAt.Width, decodeAt.Height));
        if (original is null)
        {
            return null;
        }

        using var scaled = original.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (scaled is null)
        {
            return null;
        }

        using var image = SKImage.FromBitmap(scaled);
        using var encoded = format == EvidenceFormat.Jpeg
            ? image.Encode(SKEncodedImageFormat.Jpeg, 85)
            : image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded?.ToArray();
    }
}
