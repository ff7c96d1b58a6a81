using System.Buffers.Binary;

namespace LiveGrid.Silo.Evidence;

/// <summary>
/// Recognizes JPEG, PNG and WebP by their magic bytes and reads the pixel size from their headers (PNG IHDR, JPEG SOFn,
/// WebP VP8/VP8L/VP8X) without decoding the image. Anything else, or a header that is cut short or inconsistent, is not
/// an image here: the file name and the declared content type are never consulted.
/// </summary>
public static class ImageHeaders
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image, or null with <paramref name="problem"/> saying why not.</summary>
    public static EvidenceImage? Read(ReadOnlySpan<byte> content, out string? problem)
    {
        problem = null;
        if (content.StartsWith(PngSignature))
        {
            return Png(content, out problem);
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg(content, out problem);
        }

        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(content, out problem);
        }

        problem = "the content is not a JPEG, PNG or WebP image";
        return null;
    }

    private static EvidenceImage? Png(ReadOnlySpan<byte> content, out string? problem)
    {
        // Signature, then the IHDR chunk first: length 13, "IHDR", width and height as big-endian 32-bit.
        if (content.Length < 33 || BinaryPrimitives.ReadUInt32BigEndian(content[8..]) != 13 || !content[12..16].SequenceEqual("IHDR"u8))
        {
            problem = "the PNG has no IHDR header";
            return null;
        }

        return Sized(EvidenceFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(content[16..]), BinaryPrimitives.ReadUInt32BigEndian(content[20..]), out problem);
    }

    private static EvidenceImage? Jpeg(ReadOnlySpan<byte> content, out string? problem)
    {
        var at = 2;
        while (at < content.Length)
        {
            if (content[at] != 0xFF)
            {
                break;
            }

            // Markers may be preceded by fill bytes (0xFF).
            while (at < content.Length && content[at] == 0xFF)
            {
                at++;
            }

            if (at >= content.Length)
            {
                break;
            }

            var marker = content[at++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // no length
            }

            if (marker is 0xD9 or 0xDA || at + 2 > content.Length)
            {
                break; // end of image or start of scan before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[at..]);
            if (length < 2 || at + length > content.Length)
            {
                break;
            }

            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7)
                {
                    break;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(content[(at + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(content[(at + 5)..]);
                return Sized(EvidenceFormat.Jpeg, width, height, out problem);
            }

            at += length;
        }

        problem = "the JPEG has no frame header (SOF) before its image data";
        return null;
    }

    private static EvidenceImage? WebP(ReadOnlySpan<byte> content, out string? problem)
    {
        // RIFF header (12 bytes), then the first chunk: fourcc, size, data at 20.
        if (content.Length < 30)
        {
            problem = "the WebP header is cut short";
            return null;
        }

        var chunk = content[12..16];
        var data = content[20..];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // flags (1), reserved (3), canvas width - 1 and height - 1 as 24-bit little-endian.
            var width = 1u + (uint)(data[4] | data[5] << 8 | data[6] << 16);
            var height = 1u + (uint)(data[7] | data[8] << 8 | data[9] << 16);
            return Sized(EvidenceFormat.WebP, width, height, out problem);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then 14 bits width - 1 and 14 bits height - 1, little-endian.
            if (data[0] != 0x2F)
            {
                problem = "the lossless WebP has no VP8L signature";
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Sized(EvidenceFormat.WebP, 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF), out problem);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (the top 2 bits are scaling).
            if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            {
                problem = "the lossy WebP has no VP8 start code";
                return null;
            }

            return Sized(EvidenceFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFFu,
                BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFFu, out problem);
        }

        problem = "the WebP has no VP8, VP8L or VP8X chunk first";
        return null;
    }

    private static EvidenceImage? Sized(EvidenceFormat format, uint width, uint height, out string? problem)
    {
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            problem = $"the {format} header gives an impossible size {width}×{height}";
            return null;
        }

        problem = null;
        return new EvidenceImage(format, (int)width, (int)height);
    }
}
