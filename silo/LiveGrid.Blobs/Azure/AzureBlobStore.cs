using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace LiveGrid.Blobs.Azure;

/// <summary>
/// Blobs in Azure Blob Storage (or Azurite) through the WindowsAzure.Storage 9.3.3 client. Containers are created on
/// first put. Errors become the same exceptions the folder store throws: a taken name is
/// <see cref="BlobAlreadyExistsException"/>, an unreachable service <see cref="BlobStoreUnavailableException"/>.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    private readonly CloudBlobClient _client;
    private readonly BlobRequestOptions _requestOptions;
    private readonly int _blockSize;
    private readonly ConcurrentDictionary<string, bool> _knownContainers = new(StringComparer.Ordinal);

    public AzureBlobStore(IOptions<AzureBlobStoreOptions> options)
    {
        var settings = options.Value;
        if (!TryParseConnectionString(settings.ConnectionString, out var account, out var error))
        {
            throw new ArgumentException(error, nameof(options));
        }

        _client = account.CreateCloudBlobClient();
        _requestOptions = new BlobRequestOptions
        {
            MaximumExecutionTime = settings.OperationTimeout,
            RetryPolicy = new ExponentialRetry(TimeSpan.FromMilliseconds(500), 3),
            SingleBlobUploadThresholdInBytes = settings.BlockSizeBytes,
        };
        _blockSize = settings.BlockSizeBytes;
        BlobEndpoint = _client.BaseUri;
    }

    public string ProviderName => "azure";

    /// <summary>The account's blob endpoint (for start-up and health output; no key in it).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Checks a connection string without connecting; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParseConnectionString(string? connectionString, out CloudStorageAccount account, out string error)
    {
        account = null!;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "the Azure blob store needs a connection string, e.g. UseDevelopmentStorage=true for Azurite on 127.0.0.1:10000";
            return false;
        }

        try
        {
            if (CloudStorageAccount.TryParse(connectionString.Trim(), out var parsed) && parsed.BlobEndpoint is not null)
            {
                account = parsed;
                error = string.Empty;
                return true;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
        }

        error = "the Azure blob connection string is not valid: use UseDevelopmentStorage=true, or " +
            "DefaultEndpointsProtocol=http;AccountName=...;AccountKey=...;BlobEndpoint=http://host:port/account";
        return false;
    }

    public async Task<BlobProperties> PutAsync(
        string container,
        string name,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        BlobWriteMode mode = BlobWriteMode.Overwrite,
        CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        BlobNames.ValidateContentType(contentType);
        BlobNames.ValidateMetadata(metadata);
        ArgumentNullException.ThrowIfNull(content);

        var reference = _client.GetContainerReference(container);
        await EnsureContainerAsync(reference, cancellationToken).ConfigureAwait(false);
        var blob = reference.GetBlockBlobReference(name);
        blob.StreamWriteSizeInBytes = _blockSize;
        blob.Properties.ContentType = contentType;
        AzureMetadata.Write(blob.Metadata, metadata);
        var condition = mode == BlobWriteMode.CreateOnly ? AccessCondition.GenerateIfNotExistsCondition() : AccessCondition.GenerateEmptyCondition();
        try
        {
            await blob.UploadFromStreamAsync(content, condition, _requestOptions, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex) when (mode == BlobWriteMode.CreateOnly && Status(ex) is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            throw new BlobAlreadyExistsException(container, name, ex);
        }
        catch (StorageException ex)
        {
            if (Status(ex) == HttpStatusCode.NotFound)
            {
                // The container was deleted behind our back: the next put creates it again.
                _knownContainers.TryRemove(container, out _);
            }

            throw Translate(ex, "store", container, name);
        }

        // The upload leaves ETag and time on the reference; the length is what was sent.
        await FetchAsync(blob, container, name, cancellationToken).ConfigureAwait(false);
        return ToProperties(container, name, blob);
    }

    public async Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var blob = _client.GetContainerReference(container).GetBlockBlobReference(name);
        try
        {
            // OpenRead fetches the properties first and reads the content in ranges pinned to that ETag.
            var stream = await blob.OpenReadAsync(null, _requestOptions, null, cancellationToken).ConfigureAwait(false);
            return new BlobDownload(ToProperties(container, name, blob), stream);
        }
        catch (StorageException ex) when (Status(ex) == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "read", container, name);
        }
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var blob = _client.GetContainerReference(container).GetBlockBlobReference(name);
        return await FetchAsync(blob, container, name, cancellationToken).ConfigureAwait(false)
            ? ToProperties(container, name, blob)
            : null;
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var blob = _client.GetContainerReference(container).GetBlockBlobReference(name);
        try
        {
            return await blob.ExistsAsync(_requestOptions, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "check", container, name);
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var blob = _client.GetContainerReference(container).GetBlockBlobReference(name);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, null, _requestOptions, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageException ex) when (Status(ex) == HttpStatusCode.NotFound)
        {
            // No blob, or no container at all: either way there is nothing to delete.
            return false;
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "delete", container, name);
        }
    }

    public async Task<BlobPage> ListAsync(
        string container,
        string? prefix = null,
        int pageSize = BlobPage.DefaultSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidatePrefix(prefix);
        BlobNames.ValidatePageSize(pageSize);

        var reference = _client.GetContainerReference(container);
        var token = continuationToken is null ? null : new BlobContinuationToken { NextMarker = continuationToken };
        try
        {
            var segment = await reference.ListBlobsSegmentedAsync(
                string.IsNullOrEmpty(prefix) ? null : prefix,
                useFlatBlobListing: true,
                BlobListingDetails.Metadata,
                pageSize,
                token,
                _requestOptions,
                null,
                cancellationToken).ConfigureAwait(false);
            var items = segment.Results.OfType<CloudBlob>().Select(blob => ToProperties(container, blob.Name, blob)).ToList();
            return new BlobPage(items, segment.ContinuationToken?.NextMarker);
        }
        catch (StorageException ex) when (Status(ex) == HttpStatusCode.NotFound)
        {
            return new BlobPage([], null);
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "list", container, prefix ?? string.Empty);
        }
    }

    public async Task<BlobStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var probeOptions = new BlobRequestOptions { MaximumExecutionTime = HealthTimeout, RetryPolicy = new NoRetry() };
        try
        {
            await _client.ListContainersSegmentedAsync(null, ContainerListingDetails.None, 1, null, probeOptions, null, cancellationToken)
                .WaitAsync(HealthTimeout, cancellationToken)
                .ConfigureAwait(false);
            return new BlobStoreHealth(ProviderName, true, Stopwatch.GetElapsedTime(started), $"azure {BlobEndpoint}");
        }
        catch (Exception ex) when (ex is StorageException or TimeoutException)
        {
            return new BlobStoreHealth(ProviderName, false, Stopwatch.GetElapsedTime(started), $"azure {BlobEndpoint}: {ex.Message}");
        }
    }

    private async Task EnsureContainerAsync(CloudBlobContainer reference, CancellationToken cancellationToken)
    {
        if (_knownContainers.ContainsKey(reference.Name))
        {
            return;
        }

        try
        {
            await reference.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, _requestOptions, null, cancellationToken).ConfigureAwait(false);
            _knownContainers[reference.Name] = true;
        }
        catch (StorageException ex) when (Status(ex) == HttpStatusCode.Conflict)
        {
            // Created by a concurrent put (or being deleted, which the upload will report).
            _knownContainers[reference.Name] = true;
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "create container for", reference.Name, string.Empty);
        }
    }

    private async Task<bool> FetchAsync(CloudBlob blob, string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            await blob.FetchAttributesAsync(null, _requestOptions, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageException ex) when (Status(ex) == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (StorageException ex)
        {
            throw Translate(ex, "read", container, name);
        }
    }

    private static BlobProperties ToProperties(string container, string name, CloudBlob blob) =>
        new(
            container,
            name,
            blob.Properties.ContentType ?? "application/octet-stream",
            blob.Properties.Length,
            blob.Properties.ETag ?? string.Empty,
            blob.Properties.LastModified ?? DateTimeOffset.MinValue,
            AzureMetadata.Read(blob.Metadata));

    private static HttpStatusCode? Status(StorageException ex) =>
        ex.RequestInformation?.HttpStatusCode is int code and > 0 ? (HttpStatusCode)code : null;

    private BlobStoreException Translate(StorageException ex, string operation, string container, string name)
    {
        var status = Status(ex);
        var what = string.IsNullOrEmpty(name) ? $"container '{container}'" : $"blob '{name}' in container '{container}'";
        if (status is null or HttpStatusCode.RequestTimeout or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return new BlobStoreUnavailableException($"could not {operation} {what}: blob service at {BlobEndpoint} unavailable ({ex.Message})", ex);
        }

        var code = ex.RequestInformation?.ExtendedErrorInformation?.ErrorCode ?? ex.RequestInformation?.HttpStatusMessage;
        return new BlobStoreException($"could not {operation} {what}: {(int)status} {code} {ex.Message}".TrimEnd(), ex);
    }
}
