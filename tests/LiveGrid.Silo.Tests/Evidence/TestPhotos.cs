using System.Buffers.Binary;
using System.Net.Http.Headers;
using SkiaSharp;

namespace LiveGrid.Silo.Tests.Evidence;

/// <summary>Real small photos encoded with SkiaSharp, hand-built headers, and the multipart form the API takes.</summary>
internal static class TestPhotos
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> picture (a gradient and a disc) in the given format.</summary>
    public static byte[] Encode(SKEncodedImageFormat format, int width = 64, int height = 48, byte seed = 0)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(seed, 120, 200));
            using var paint = new SKPaint { Color = new SKColor(240, 60, (byte)(seed ^ 0x5A)), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 64, int height = 48, byte seed = 0) => Encode(SKEncodedImageFormat.Jpeg, width, height, seed);

    public static byte[] Png(int width = 64, int height = 48, byte seed = 0) => Encode(SKEncodedImageFormat.Png, width, height, seed);

    public static byte[] WebP(int width = 64, int height = 48, byte seed = 0) => Encode(SKEncodedImageFormat.Webp, width, height, seed);

    /// <summary>A PNG signature and IHDR claiming any size, and nothing else: enough for the header check.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8; // bit depth
        bytes[25] = 6; // RGBA
        return bytes;
    }

    /// <summary>The upload form: the file under a name and declared type of the caller's choosing, the stage and the actor.</summary>
    public static MultipartFormDataContent Form(byte[] file, string stage = "before", string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        form.Add(new StringContent(stage), "stage");
        form.Add(new StringContent("w1a"), "actor.id");
        form.Add(new StringContent("GridWorker"), "actor.role");
        form.Add(new StringContent("网格员w1a"), "actor.name");
        return form;
    }
}
