namespace LiveGrid.Silo.Configuration;

/// <summary>LiveGrid's configuration names something it cannot use. The message says which key and what is allowed.</summary>
public sealed class LiveGridConfigurationException(string message) : Exception(message);
