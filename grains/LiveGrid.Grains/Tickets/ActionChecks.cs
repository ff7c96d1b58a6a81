namespace LiveGrid.Grains.Tickets;

/// <summary>Small checks the actions share, phrased for rejection messages.</summary>
internal static class ActionChecks
{
    /// <summary>Null when the text is there; otherwise says it is required.</summary>
    public static string? Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? $"{what} is required" : null;

    public static string? Defined<TEnum>(TEnum value, string what)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : $"{what} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}";

    /// <summary>Blank notes are stored as null, so "no note" has one representation.</summary>
    public static string? NoteOrNull(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
