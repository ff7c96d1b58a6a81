using System.Globalization;
using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LiveGrid.Silo.Evidence;

/// <summary>
/// Reads multipart/form-data as it streams in, section by section, never holding more than the size limit of the
/// file: fields "stage" (before | after), "actor.id", "actor.role", "actor.name", and the photo in "file".
/// </summary>
public static class EvidenceUploadReader
{
    private const int MaxFieldBytes = 1024;

    public static async Task<EvidenceUploadOutcome> ReadAsync(HttpRequest request, EvidenceOptions options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            errors.Add("body", "send the photo as multipart/form-data with fields file, stage and actor.id, actor.role, actor.name");
            return new EvidenceUploadOutcome(null, StatusCodes.Status415UnsupportedMediaType, errors);
        }

        // The photo plus a generous allowance for the fields and part headers.
        if (request.ContentLength is { } declared && declared > options.MaxBytes + 64 * 1024)
        {
            errors.Add("file", TooLarge(options));
            return new EvidenceUploadOutcome(null, StatusCodes.Status413PayloadTooLarge, errors);
        }

        // Kestrel's own limit (30 MB by default) follows the configured one, so a larger MaxBytes works and a
        // body far past it is cut off by the server too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBytes + 64 * 1024;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[]? content = null;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
                {
                    continue;
                }

                if (name == "file")
                {
                    content = await ReadBoundedAsync(section.Body, options.MaxBytes, cancellationToken);
                    if (content is null)
                    {
                        errors.Add("file", TooLarge(options));
                        return new EvidenceUploadOutcome(null, StatusCodes.Status413PayloadTooLarge, errors);
                    }
                }
                else if (await ReadBoundedAsync(section.Body, MaxFieldBytes, cancellationToken) is { } value)
                {
                    fields[name] = System.Text.Encoding.UTF8.GetString(value);
                }
                else
                {
                    errors.Add(name, $"the field is longer than {MaxFieldBytes} bytes");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            // Not multipart after all (a missing boundary, a broken part header, a part cut off): the client's
            // mistake, 400. Kestrel's own refusals (a body over its limit) stay for BadRequestExceptionHandler.
            errors.Add("body", $"the body is not valid multipart/form-data: {ex.Message}");
            return new EvidenceUploadOutcome(null, StatusCodes.Status400BadRequest, errors);
        }

        if (content is null || content.Length == 0)
        {
            errors.Add("file", "the photo (field 'file') is missing or empty");
        }

        var stage = fields.GetValueOrDefault("stage")?.Trim();
        EvidenceStage? parsed = stage?.ToLowerInvariant() switch
        {
            "before" => EvidenceStage.Before,
            "after" => EvidenceStage.After,
            _ => null,
        };
        if (parsed is null)
        {
            errors.Add("stage", "the stage is 'before' or 'after'");
        }

        ActorRole? role = Enum.TryParse<ActorRole>(fields.GetValueOrDefault("actor.role"), ignoreCase: true, out var r)
            && !int.TryParse(fields.GetValueOrDefault("actor.role"), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? r : null;
        var actor = ActorRequest.Validate(new ActorRequest(fields.GetValueOrDefault("actor.id"), role, fields.GetValueOrDefault("actor.name")), errors);
        return errors.Any
            ? new EvidenceUploadOutcome(null, StatusCodes.Status400BadRequest, errors)
            : new EvidenceUploadOutcome(new EvidenceUpload(parsed!.Value, actor!, content!), StatusCodes.Status200OK, errors);
    }

    public static string TooLarge(EvidenceOptions options) =>
        $"the photo is larger than {options.MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes";

    /// <summary>The section's bytes, or null as soon as they exceed <paramref name="limit"/> (the rest is not read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
