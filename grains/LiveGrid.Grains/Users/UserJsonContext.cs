using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Users;

/// <summary>Source-generated JSON for the user grains' state; listed in <see cref="GrainsAssembly.StateTypeInfoResolvers"/>.</summary>
[JsonSerializable(typeof(UserState))]
[JsonSerializable(typeof(UserDirectoryState))]
public sealed partial class UserJsonContext : JsonSerializerContext
{
}
