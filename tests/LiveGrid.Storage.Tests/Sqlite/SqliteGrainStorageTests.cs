using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.Storage;
using LiveGrid.Storage.Tests.Contracts;
using LiveGrid.Testing;

namespace LiveGrid.Storage.Tests.Sqlite;

/// <summary>The contract against a real SQLite file in a fresh temp folder per test.</summary>
public sealed class SqliteGrainStorageTests : DurableGrainStorageContract
{
    private readonly TempDirectory _directory = new("sqlite-state");

    protected override IGrainStorage CreateStorage() => new SqliteGrainStorage(new SqliteStorageOptions { DataDirectory = _directory.Path });

    protected override Task DeleteStoreAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
