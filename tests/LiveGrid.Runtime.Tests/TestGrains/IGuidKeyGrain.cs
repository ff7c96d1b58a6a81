namespace LiveGrid.Runtime.Tests.TestGrains;

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> GetKey();
}
