namespace LiveGrid.Runtime.Tests.TestGrains;

public interface IIntegerKeyGrain : IGrainWithIntegerKey
{
    Task<long> GetKey();
}
