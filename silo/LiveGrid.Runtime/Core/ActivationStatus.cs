namespace LiveGrid.Runtime.Core;

/// <summary>The life of an activation. Transitions only go forward.</summary>
internal enum ActivationStatus : byte
{
    /// <summary>In the directory, nothing run yet.</summary>
    Created,

    /// <summary>State is being read and OnActivateAsync runs; calls wait.</summary>
    Activating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary>Finishing running turns, then OnDeactivateAsync; new calls wait to be forwarded.</summary>
    Deactivating,

    /// <summary>Gone from the directory.</summary>
    Invalid,
}
