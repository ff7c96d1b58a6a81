namespace LiveGrid.Runtime;

/// <summary>A grain addressed by a string key (a ticket number, a 15-digit grid code).</summary>
public interface IGrainWithStringKey : IGrain;
