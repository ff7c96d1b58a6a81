using System.Text;

namespace LiveGrid.Blobs;

/// <summary>
/// The names every provider accepts. The rules are Azure's where Azure is stricter, plus what keeps the folder store
/// inside its folder: a blob name is a relative, '/'-separated path whose segments are never "." or "..", with no
/// backslash, control character or drive letter. Checked before any provider touches disk or network.
/// </summary>
public static class BlobNames
{
    public const int MaxNameLength = 1024;

    /// <summary>Bytes (UTF-8) per '/'-separated segment: a segment becomes a file name in the folder store.</summary>
    public const int MaxSegmentBytes = 200;

    public const int MaxMetadataKeyLength = 64;

    public const int MaxContentTypeLength = 255;

    /// <summary>Container: 3-63 of a-z, 0-9 and '-', starting and ending with a letter or digit, no "--".</summary>
    public static void ValidateContainer(string? container)
    {
        if (string.IsNullOrEmpty(container))
        {
            throw new InvalidBlobNameException("container name is empty");
        }

        var valid = container.Length is >= 3 and <= 63
            && container.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && container[0] != '-'
            && container[^1] != '-'
            && !container.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new InvalidBlobNameException(
                $"invalid container name '{Printable(container)}': use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        }
    }

    public static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidBlobNameException("blob name is empty");
        }

        if (name.Length > MaxNameLength)
        {
            throw new InvalidBlobNameException($"blob name is {name.Length} characters long; the limit is {MaxNameLength}");
        }

        CheckCharacters(name, "blob name");
        if (name[0] == '/')
        {
            throw Invalid(name, "it is an absolute path");
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            throw Invalid(name, "it starts with a drive letter");
        }

        if (name[^1] is '/' or '.')
        {
            // Azure drops trailing dots and slashes, so such a name would not round-trip.
            throw Invalid(name, "it ends with '/' or '.'");
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw Invalid(name, "it has an empty path segment (\"//\")");
            }

            if (segment is "." or "..")
            {
                throw Invalid(name, $"it has a '{segment}' path segment");
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                throw Invalid(name, $"a path segment is longer than {MaxSegmentBytes} bytes (UTF-8)");
            }
        }
    }

    /// <summary>A listing prefix: empty, or the start of a valid name (it may end with '/').</summary>
    public static void ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return;
        }

        if (prefix.Length > MaxNameLength)
        {
            throw new InvalidBlobNameException($"prefix is {prefix.Length} characters long; the limit is {MaxNameLength}");
        }

        CheckCharacters(prefix, "prefix");
        if (prefix[0] == '/')
        {
            throw new InvalidBlobNameException($"invalid prefix '{Printable(prefix)}': blob names never start with '/'");
        }
    }

    /// <summary>Metadata: keys of a-z, 0-9 and '_' (not starting with a digit); values any non-empty text without control characters.</summary>
    public static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            var valid = !string.IsNullOrEmpty(key)
                && key.Length <= MaxMetadataKeyLength
                && !char.IsAsciiDigit(key[0])
                && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
            if (!valid)
            {
                throw new InvalidBlobNameException(
                    $"invalid metadata key '{Printable(key ?? string.Empty)}': use up to {MaxMetadataKeyLength} lowercase letters, digits and '_', not starting with a digit");
            }

            if (string.IsNullOrEmpty(value))
            {
                // Azure refuses empty metadata values; leaving the key out says the same thing on every provider.
                throw new InvalidBlobNameException($"metadata '{key}' has an empty value: leave the key out instead");
            }

            CheckCharacters(value, $"metadata '{key}'");
        }
    }

    public static void ValidateContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > MaxContentTypeLength
            || contentType.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            throw new InvalidBlobNameException(
                $"invalid content type '{Printable(contentType ?? string.Empty)}': give a MIME type such as image/jpeg (printable ASCII, up to {MaxContentTypeLength} characters)");
        }
    }

    public static void ValidatePageSize(int pageSize)
    {
        if (pageSize is < 1 or > BlobPage.MaxSize)
        {
            throw new InvalidBlobNameException($"page size {pageSize} is outside 1-{BlobPage.MaxSize}");
        }
    }

    /// <summary>Checks container and name together (the usual first line of a provider method).</summary>
    public static void Validate(string? container, string? name)
    {
        ValidateContainer(container);
        ValidateName(name);
    }

    private static void CheckCharacters(string value, string what)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                throw new InvalidBlobNameException($"invalid {what} '{Printable(value)}': it contains control character U+{(int)c:X4}");
            }

            if (c == '\\')
            {
                throw new InvalidBlobNameException($"invalid {what} '{Printable(value)}': it contains a backslash; separate path segments with '/'");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new InvalidBlobNameException($"invalid {what}: it contains an unpaired UTF-16 surrogate");
            }
        }
    }

    private static InvalidBlobNameException Invalid(string name, string why) =>
        new($"invalid blob name '{Printable(name)}': {why}");

    // Control characters are shown escaped so the message stays one readable line.
    private static string Printable(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 120));
        foreach (var c in value.Take(120))
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length > 120 ? builder.Append('…').ToString() : builder.ToString();
    }
}
