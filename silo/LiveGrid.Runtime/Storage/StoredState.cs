namespace LiveGrid.Runtime.Storage;

/// <summary>A grain state record as the store holds it.</summary>
public sealed record StoredState(byte[] Data, string ETag);
