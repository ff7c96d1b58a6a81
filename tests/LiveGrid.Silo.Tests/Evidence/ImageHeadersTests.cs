using LiveGrid.Silo.Evidence;
using SkiaSharp;

namespace LiveGrid.Silo.Tests.Evidence;

/// <summary>The header reader knows JPEG, PNG and WebP by content and reads their size without decoding.</summary>
public sealed class ImageHeadersTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, EvidenceFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png, EvidenceFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp, EvidenceFormat.WebP)]
    public void Real_encoded_images_are_recognized_with_their_size(SKEncodedImageFormat encoded, EvidenceFormat expected)
    {
        var image = ImageHeaders.Read(TestPhotos.Encode(encoded, 123, 45), out var problem);

        problem.Should().BeNull();
        image.Should().Be(new EvidenceImage(expected, 123, 45));
    }

    [Fact]
    public void A_lossless_webp_is_read_from_its_VP8L_header()
    {
        // SkiaSharp writes lossless WebP at quality 100.
        using var bitmap = new SKBitmap(300, 17);
        using var image = SKImage.FromBitmap(bitmap);
        var bytes = image.Encode(SKEncodedImageFormat.Webp, 100).ToArray();

        System.Text.Encoding.ASCII.GetString(bytes, 12, 4).Should().BeOneOf("VP8L", "VP8X", "VP8 ");
        ImageHeaders.Read(bytes, out _).Should().Be(new EvidenceImage(EvidenceFormat.WebP, 300, 17));
    }

    [Fact]
    public void A_VP8X_header_gives_the_canvas_size()
    {
        var bytes = new byte[30];
        "RIFF"u8.CopyTo(bytes);
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        "VP8X"u8.CopyTo(bytes.AsSpan(12));
        // canvas 5000 x 20 stored as value - 1, 24-bit little-endian
        bytes[24] = (4999 & 0xFF); bytes[25] = 4999 >> 8; bytes[26] = 0;
        bytes[27] = 19; bytes[28] = 0; bytes[29] = 0;

        ImageHeaders.Read(bytes, out _).Should().Be(new EvidenceImage(EvidenceFormat.WebP, 5000, 20));
    }

    [Fact]
    public void A_jpeg_header_is_found_past_fill_bytes_and_other_segments()
    {
        byte[] bytes =
        [
            0xFF, 0xD8,                                     // SOI
            0xFF, 0xE0, 0x00, 0x04, 0x41, 0x42,             // APP0, 2 bytes of data
            0xFF, 0xFF, 0xC4, 0x00, 0x03, 0x00,             // fill byte, then DHT (not a frame)
            0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, 0x01, 0x22, 0x00, // SOF2 600x300
        ];

        ImageHeaders.Read(bytes, out _).Should().Be(new EvidenceImage(EvidenceFormat.Jpeg, 600, 300));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("")]
    public void Anything_else_is_not_an_image(string text)
    {
        ImageHeaders.Read(System.Text.Encoding.UTF8.GetBytes(text), out var problem).Should().BeNull();
        problem.Should().Contain("not a JPEG, PNG or WebP");
    }

    [Fact]
    public void A_cut_short_header_is_refused_saying_which_format()
    {
        ImageHeaders.Read(TestPhotos.PngHeader(10, 10)[..20], out var png).Should().BeNull();
        ImageHeaders.Read([0xFF, 0xD8, 0xFF, 0xDA, 0x00], out var jpeg).Should().BeNull();

        png.Should().Contain("PNG");
        jpeg.Should().Contain("JPEG");
    }
}
