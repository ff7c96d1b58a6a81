using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LiveGrid.Blobs.Folder;

/// <summary>
/// Blobs as files under one folder. A put writes the content and then the sidecar to temp files, fsyncs both, and
/// commits by renaming the sidecar into place (then fsyncs the folder): a reader sees the old blob or the new one,
/// and a put that returned survives a crash. Content files are named by ETag, so an open reader keeps its version
/// while a writer replaces the blob. Puts and deletes of one name are serialized inside this process; CreateOnly is
/// also atomic across processes (rename without replace).
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    private const int LockStripes = 64;
    private const int ReadAttempts = 5;
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    private readonly string _root;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, LockStripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly TimeProvider _time;

    public FolderBlobStore(IOptions<FolderBlobStoreOptions> options, TimeProvider? time = null)
    {
        var root = options.Value.RootDirectory;
        if (string.IsNullOrWhiteSpace(root) || !Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException($"the folder blob store needs an absolute RootDirectory, not '{root}'", nameof(options));
        }

        _root = Path.GetFullPath(root);
        _time = time ?? TimeProvider.System;
        RemoveStaleTempFiles();
    }

    public string ProviderName => "folder";

    public string RootDirectory => _root;

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

        var sidecar = FolderBlobPaths.Sidecar(_root, container, name);
        if (mode == BlobWriteMode.CreateOnly && File.Exists(sidecar))
        {
            // Early answer for the usual case; the rename below is what decides.
            throw new BlobAlreadyExistsException(container, name);
        }

        var etag = Guid.NewGuid().ToString("N");
        var temp = FolderBlobPaths.TempDirectory(_root);
        Directory.CreateDirectory(temp);
        var tempContent = Path.Combine(temp, etag + ".data");
        var tempSidecar = Path.Combine(temp, etag + ".meta");
        var finalContent = FolderBlobPaths.Content(_root, container, name, etag);
        var committed = false;
        try
        {
            var length = await WriteDurablyAsync(tempContent, content, cancellationToken).ConfigureAwait(false);
            var record = new FolderBlobRecord(contentType, length, etag, _time.GetUtcNow(), new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()));
            await WriteDurablyAsync(tempSidecar, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, FolderBlobJsonContext.Default.FolderBlobRecord)), cancellationToken).ConfigureAwait(false);

            var gate = LockFor(container, name);
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var directory = Path.GetDirectoryName(sidecar)!;
                Directory.CreateDirectory(directory);
                var previous = await ReadRecordAsync(sidecar, CancellationToken.None).ConfigureAwait(false);
                if (mode == BlobWriteMode.CreateOnly && previous is not null)
                {
                    throw new BlobAlreadyExistsException(container, name);
                }

                File.Move(tempContent, finalContent);
                try
                {
                    File.Move(tempSidecar, sidecar, overwrite: mode == BlobWriteMode.Overwrite);
                }
                catch (IOException ex) when (mode == BlobWriteMode.CreateOnly && File.Exists(sidecar))
                {
                    // Another process took the name between our check and the rename.
                    throw new BlobAlreadyExistsException(container, name, ex);
                }

                committed = true;
                DirectorySync.Flush(directory);
                if (previous is not null && previous.ETag != etag)
                {
                    TryDelete(FolderBlobPaths.Content(_root, container, name, previous.ETag));
                }

                return ToProperties(container, name, record);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (IOException ex) when (!committed)
        {
            throw new BlobStoreException($"could not store blob '{name}' in container '{container}' under {_root}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex) when (!committed)
        {
            throw new BlobStoreException($"could not store blob '{name}' in container '{container}' under {_root}: {ex.Message}", ex);
        }
        finally
        {
            TryDelete(tempContent);
            TryDelete(tempSidecar);
            if (!committed)
            {
                TryDelete(finalContent);
            }
        }
    }

    public async Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var sidecar = FolderBlobPaths.Sidecar(_root, container, name);
        // A concurrent overwrite may delete the content file between reading the sidecar and opening it: read again.
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            var record = await ReadRecordAsync(sidecar, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            try
            {
                var stream = new FileStream(
                    FolderBlobPaths.Content(_root, container, name, record.ETag),
                    new FileStreamOptions
                    {
                        Mode = FileMode.Open,
                        Access = FileAccess.Read,
                        Share = FileShare.Read | FileShare.Delete,
                        Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                        BufferSize = 81920,
                    });
                return new BlobDownload(ToProperties(container, name, record), stream);
            }
            catch (FileNotFoundException)
            {
            }
        }

        throw new BlobStoreException($"blob '{name}' in container '{container}' changed {ReadAttempts} times while being opened");
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var record = await ReadRecordAsync(FolderBlobPaths.Sidecar(_root, container, name), cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToProperties(container, name, record);
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        return Task.FromResult(File.Exists(FolderBlobPaths.Sidecar(_root, container, name)));
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        var sidecar = FolderBlobPaths.Sidecar(_root, container, name);
        var gate = LockFor(container, name);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = await ReadRecordAsync(sidecar, CancellationToken.None).ConfigureAwait(false);
            if (record is null)
            {
                return false;
            }

            // Removing the sidecar is the delete; the content file goes after (an open reader keeps it until closed).
            File.Delete(sidecar);
            DirectorySync.Flush(Path.GetDirectoryName(sidecar)!);
            TryDelete(FolderBlobPaths.Content(_root, container, name, record.ETag));
            return true;
        }
        catch (IOException ex)
        {
            throw new BlobStoreException($"could not delete blob '{name}' in container '{container}': {ex.Message}", ex);
        }
        finally
        {
            gate.Release();
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

        var containerDirectory = FolderBlobPaths.ContainerDirectory(_root, container);
        var start = FolderBlobPaths.ListingDirectory(_root, container, prefix);
        if (!Directory.Exists(start))
        {
            return new BlobPage([], null);
        }

        // The token is the last name of the previous page: the listing resumes after it.
        var names = Directory.EnumerateFiles(start, "*" + FolderBlobPaths.SidecarSuffix, SearchOption.AllDirectories)
            .Select(path => FolderBlobPaths.NameOfSidecar(Path.GetRelativePath(containerDirectory, path)))
            .OfType<string>()
            .Where(blob => prefix is null || blob.StartsWith(prefix, StringComparison.Ordinal))
            .Where(blob => continuationToken is null || string.CompareOrdinal(blob, continuationToken) > 0)
            .Order(StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();

        var items = new List<BlobProperties>(Math.Min(names.Count, pageSize));
        foreach (var blob in names.Take(pageSize))
        {
            var record = await ReadRecordAsync(FolderBlobPaths.Sidecar(_root, container, blob), cancellationToken).ConfigureAwait(false);
            if (record is not null)
            {
                items.Add(ToProperties(container, blob, record));
            }
        }

        return new BlobPage(items, names.Count > pageSize ? names[pageSize - 1] : null);
    }

    public async Task<BlobStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Writable and flushable, the two things a put needs.
            var temp = FolderBlobPaths.TempDirectory(_root);
            Directory.CreateDirectory(temp);
            var probe = Path.Combine(temp, $"health-{Guid.NewGuid():N}.probe");
            await WriteDurablyAsync(probe, new MemoryStream("ok"u8.ToArray()), cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            var free = new DriveInfo(_root).AvailableFreeSpace;
            return new BlobStoreHealth(ProviderName, true, Stopwatch.GetElapsedTime(started), $"folder {_root}, {free / (1024 * 1024)} MB free");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BlobStoreHealth(ProviderName, false, Stopwatch.GetElapsedTime(started), $"folder {_root} is not writable: {ex.Message}");
        }
    }

    private static async Task<long> WriteDurablyAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 81920,
        });
        await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        // FlushAsync empties .NET's buffer; Flush(true) is the fsync.
        file.Flush(flushToDisk: true);
        return file.Length;
    }

    private static async Task<FolderBlobRecord?> ReadRecordAsync(string sidecar, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(sidecar, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
            return await JsonSerializer.DeserializeAsync(stream, FolderBlobJsonContext.Default.FolderBlobRecord, cancellationToken).ConfigureAwait(false)
                ?? throw new BlobStoreException($"sidecar {sidecar} is empty");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            throw new BlobStoreException($"sidecar {sidecar} is damaged: {ex.Message}", ex);
        }
    }

    private static BlobProperties ToProperties(string container, string name, FolderBlobRecord record) =>
        new(container, name, record.ContentType, record.Length, $"\"{record.ETag}\"", record.LastModified, record.Metadata);

    private SemaphoreSlim LockFor(string container, string name) =>
        _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(container + "/" + name) % LockStripes)];

    private void RemoveStaleTempFiles()
    {
        var temp = FolderBlobPaths.TempDirectory(_root);
        if (!Directory.Exists(temp))
        {
            return;
        }

        // Left by a process that died mid-put; a put in flight elsewhere is far younger than this.
        foreach (var file in Directory.EnumerateFiles(temp))
        {
            if (_time.GetUtcNow() - File.GetLastWriteTimeUtc(file) > StaleTempAge)
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
