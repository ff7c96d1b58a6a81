using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using LiveGrid.Storage.Tests.Contracts;

namespace LiveGrid.Storage.Tests.Memory;

/// <summary>The in-memory provider keeps the same contract as the durable ones, minus durability.</summary>
public sealed class MemoryGrainStorageTests : GrainStorageContract
{
    protected override IGrainStorage CreateStorage() => new MemoryGrainStorage();
}
