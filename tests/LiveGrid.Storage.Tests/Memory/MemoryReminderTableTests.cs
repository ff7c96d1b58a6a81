using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using LiveGrid.Storage.Tests.Contracts;

namespace LiveGrid.Storage.Tests.Memory;

public sealed class MemoryReminderTableTests : ReminderTableContract
{
    protected override IReminderTable CreateTable() => new MemoryReminderTable();
}
