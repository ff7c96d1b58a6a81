using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.Storage;
using LiveGrid.Storage.Tests.Contracts;
using LiveGrid.Testing;

namespace LiveGrid.Storage.Tests.Sqlite;

public sealed class SqliteReminderTableTests : DurableReminderTableContract
{
    private readonly TempDirectory _directory = new("sqlite-reminders");

    protected override IReminderTable CreateTable() => new SqliteReminderTable(new SqliteStorageOptions { DataDirectory = _directory.Path });

    protected override Task DeleteStoreAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
