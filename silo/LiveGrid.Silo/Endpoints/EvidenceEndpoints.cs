using System.Globalization;
using System.Security.Cryptography;
using LiveGrid.Blobs;
using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Evidence;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LiveGrid.Silo.Endpoints;

/// <summary>
/// Evidence photos (现场照片): uploaded to a ticket or an inspection as multipart/form-data, checked by content (JPEG,
/// PNG, WebP; size and pixel limits), stored content-addressed in the "evidence" container and recorded on the grain
/// before 201. Served back inert: nosniff, a sandboxing CSP, inline with a safe name, cached for good.
/// </summary>
public static class EvidenceEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/tickets/{id}/photos", UploadToTicketAsync)
            .WithTags("Evidence").WithName("UploadTicketPhoto").WithSummary("Attach a before/after photo to a ticket")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        endpoints.MapPost("/api/inspections/{id}/photos", UploadToInspectionAsync)
            .WithTags("Evidence").WithName("UploadInspectionPhoto").WithSummary("Attach a patrol photo to an open inspection")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        endpoints.MapGet("/api/evidence/{name}", GetPhotoAsync).WithTags("Evidence").WithName("GetEvidence");
        endpoints.MapGet("/api/evidence/{name}/thumbnail", GetThumbnailAsync).WithTags("Evidence").WithName("GetEvidenceThumbnail");
        return endpoints;
    }

    public static Task<IResult> UploadToTicketAsync(
        string id, HttpRequest request, [FromServices] IGrainFactory grains, [FromServices] IBlobStore blobs,
        [FromServices] IOptions<EvidenceOptions> options, CancellationToken cancellationToken)
    {
        var ticket = grains.GetGrain<ITicketGrain>(id);
        return UploadAsync(request, blobs, options.Value, $"ticket {id}",
            async () => await ticket.Get() is { } view ? (view.Ticket.IsTerminal ? view.Summary.Status.ToString() : null, true) : (null, false),
            ticket.AttachEvidence, cancellationToken);
    }

    public static Task<IResult> UploadToInspectionAsync(
        string id, HttpRequest request, [FromServices] IGrainFactory grains, [FromServices] IBlobStore blobs,
        [FromServices] IOptions<EvidenceOptions> options, CancellationToken cancellationToken)
    {
        var inspection = grains.GetGrain<IInspectionGrain>(id);
        return UploadAsync(request, blobs, options.Value, $"inspection {id}",
            async () => await inspection.Get() is { } view
                ? (InspectionLifecycle.IsOpen(view.Summary.Status) ? null : view.Summary.Status.ToString(), true)
                : (null, false),
            inspection.AttachEvidence, cancellationToken);
    }

    /// <summary>
    /// Read and check everything first, then refuse a missing or finished target, and only then store the blob and
    /// record it: a refused upload leaves nothing behind.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        HttpRequest request, IBlobStore blobs, EvidenceOptions options, string target,
        Func<Task<(string? FinishedStatus, bool Exists)>> check, Func<EvidencePhoto, Task<EvidenceAttachResult>> attach,
        CancellationToken cancellationToken)
    {
        var read = await EvidenceUploadReader.ReadAsync(request, options, cancellationToken);
        if (read.Upload is not { } upload)
        {
            return read.Status == StatusCodes.Status400BadRequest
                ? ApiProblems.Validation(read.Errors)
                : Refused(read.Status, read.Status == StatusCodes.Status413PayloadTooLarge ? "The photo is too large." : "Not an upload.", read.Errors);
        }

        if (ImageHeaders.Read(upload.Content, out var notImage) is not { } image)
        {
            var errors = new ValidationErrors();
            errors.Add("file", $"{notImage}; evidence photos are JPEG, PNG or WebP");
            return Refused(StatusCodes.Status415UnsupportedMediaType, "The file is not an accepted image.", errors);
        }

        if (DimensionProblem(image, options) is { } dimensions)
        {
            return ApiProblems.Validation("file", dimensions);
        }

        var (finished, exists) = await check();
        if (!exists)
        {
            return ApiProblems.NotFound($"There is no {target}.");
        }

        if (finished is not null)
        {
            return Finished(target, finished);
        }

        var name = $"{Convert.ToHexStringLower(SHA256.HashData(upload.Content))}.{image.Extension}";
        try
        {
            await blobs.PutAsync(EvidenceOptions.Container, name, new MemoryStream(upload.Content, writable: false), image.ContentType,
                mode: BlobWriteMode.CreateOnly, cancellationToken: cancellationToken);
        }
        catch (BlobAlreadyExistsException)
        {
            // Content-addressed: the same photo is already there, byte for byte.
        }

        var photo = new EvidencePhoto(name, upload.Stage, image.ContentType, image.Width, image.Height, upload.Content.Length, upload.Actor, default);
        var result = await attach(photo);
        if (result.NotFound)
        {
            return ApiProblems.NotFound($"There is no {target}.");
        }

        if (result.Refusal is not null)
        {
            return Finished(target, result.Status ?? "finished", result.Refusal);
        }

        var recorded = result.Evidence.Last(e => e.BlobName == name && e.Stage == upload.Stage);
        var url = $"/api/evidence/{name}";
        return TypedResults.Created(url, new EvidenceUploadResponse(recorded, url, $"{url}/thumbnail", result.AlreadyAttached));
    }

    public static async Task<IResult> GetPhotoAsync(string name, HttpResponse response, [FromServices] IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!EvidenceNames.IsValid(name))
        {
            return ApiProblems.Validation("name", "an evidence name is 64 lowercase hex digits and .jpg, .png or .webp");
        }

        if (await blobs.GetAsync(EvidenceOptions.Container, name, cancellationToken) is not { } blob)
        {
            return ApiProblems.NotFound($"There is no evidence photo {name}.");
        }

        Inert(response, name, name[..64]);
        // Content-addressed: a client that has the name has the bytes.
        if (response.HttpContext.Request.Headers.IfNoneMatch.ToString().Contains($"\"{name[..64]}\"", StringComparison.Ordinal))
        {
            await blob.DisposeAsync();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        response.RegisterForDispose(blob);
        return TypedResults.Stream(blob.Content, EvidenceImage.ContentTypeOf(EvidenceNames.FormatOf(name)));
    }

    public static async Task<IResult> GetThumbnailAsync(
        string name, int? size, HttpResponse response, [FromServices] IBlobStore blobs, [FromServices] IOptions<EvidenceOptions> options,
        CancellationToken cancellationToken)
    {
        if (!EvidenceNames.IsValid(name))
        {
            return ApiProblems.Validation("name", "an evidence name is 64 lowercase hex digits and .jpg, .png or .webp");
        }

        var side = size ?? 160;
        if (side < 16 || side > options.Value.MaxThumbnailSize)
        {
            return ApiProblems.Validation("size", $"the thumbnail size is 16 to {options.Value.MaxThumbnailSize} pixels");
        }

        var thumbName = EvidenceNames.Thumbnail(name, side);
        var thumbType = thumbName.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png";
        var tag = $"{name[..64]}-{side.ToString(CultureInfo.InvariantCulture)}";
        if (await blobs.GetAsync(EvidenceOptions.Container, thumbName, cancellationToken) is { } cached)
        {
            Inert(response, thumbName[(thumbName.LastIndexOf('/') + 1)..], tag);
            response.RegisterForDispose(cached);
            return TypedResults.Stream(cached.Content, thumbType);
        }

        if (await blobs.GetAsync(EvidenceOptions.Container, name, cancellationToken) is not { } blob)
        {
            return ApiProblems.NotFound($"There is no evidence photo {name}.");
        }

        byte[] photo;
        await using (blob)
        {
            using var copy = new MemoryStream();
            await blob.Content.CopyToAsync(copy, cancellationToken);
            photo = copy.ToArray();
        }

        if (Thumbnails.Create(photo, EvidenceNames.FormatOf(name), side) is not { } thumbnail)
        {
            return TypedResults.Problem(title: "The photo cannot be decoded.", detail: $"No thumbnail can be made of {name}.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            await blobs.PutAsync(EvidenceOptions.Container, thumbName, new MemoryStream(thumbnail, writable: false), thumbType,
                mode: BlobWriteMode.CreateOnly, cancellationToken: cancellationToken);
        }
        catch (BlobAlreadyExistsException)
        {
            // Made by a concurrent request: the same thumbnail.
        }

        Inert(response, thumbName[(thumbName.LastIndexOf('/') + 1)..], tag);
        return TypedResults.File(thumbnail, thumbType);
    }

    private static string? DimensionProblem(EvidenceImage image, EvidenceOptions options) =>
        image.Width > options.MaxWidth || image.Height > options.MaxHeight
            ? $"the photo is {image.Width}×{image.Height} pixels; at most {options.MaxWidth}×{options.MaxHeight} are accepted"
            : image.Width < options.MinDimension || image.Height < options.MinDimension
                ? $"the photo is {image.Width}×{image.Height} pixels; each side must be at least {options.MinDimension}"
                : null;

    /// <summary>Headers that keep a stored file an image and nothing else, and let it be cached for good.</summary>
    private static void Inert(HttpResponse response, string fileName, string etag)
    {
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        response.Headers[HeaderNames.ContentDisposition] = $"inline; filename=\"{fileName}\"";
        response.Headers[HeaderNames.CacheControl] = Immutable;
        response.Headers[HeaderNames.ETag] = $"\"{etag}\"";
    }

    private static IResult Refused(int status, string title, ValidationErrors errors) =>
        TypedResults.Problem(title: title, detail: string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)), statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToDictionary() });

    private static IResult Finished(string target, string status, string? detail = null) =>
        ApiProblems.Conflict("Evidence is attached to open work only.", detail ?? $"The {target} is {status}; nothing was stored.",
            new Dictionary<string, object?> { [target.StartsWith("ticket", StringComparison.Ordinal) ? "ticketStatus" : "inspectionStatus"] = status });
}
