namespace LiveGrid.Runtime;

/// <summary>Implemented by every grain reference the factory hands out, so code can ask
/// which grain a reference points at.</summary>
public interface IGrainReference
{
    GrainId GrainId { get; }
}
