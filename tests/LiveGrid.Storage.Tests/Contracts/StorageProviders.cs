namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>Small helpers the contract suites share.</summary>
internal static class StorageProviders
{
    /// <summary>How long any single step of a test may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Disposes a provider the way a host would: async if it can, sync otherwise.</summary>
    public static async Task CloseAsync(object provider)
    {
        switch (provider)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
