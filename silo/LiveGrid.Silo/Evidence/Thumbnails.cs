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

        using var original = SKBitmap.Decode(codec);
        if (original is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)size / Math.Max(original.Width, original.Height));
        var width = Math.Max(1, (int)Math.Round(original.Width * scale));
        var height = Math.Max(1, (int)Math.Round(original.Height * scale));
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
