using System.Text;
using System.Text.Json;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>Reads and writes territory documents as JSON (UTF-8, indented, Chinese text unescaped).</summary>
public static class TerritoryJson
{
    private static readonly TerritoryJsonContext Indented = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    });

    public static string Write(TerritoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, Indented.TerritoryDocument);
    }

    public static byte[] WriteUtf8(TerritoryDocument document) => Encoding.UTF8.GetBytes(Write(document));

    /// <summary>Parses and validates: the document with every problem, or no document and the JSON error (with its line).</summary>
    public static TerritoryParseResult Read(string json, IEnumerable<City.CategoryDefinition>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        TerritoryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json.TrimStart('\uFEFF'), Indented.TerritoryDocument);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? path : "(document)";
            var line = e.LineNumber is { } n ? $"line {n + 1}: " : string.Empty;
            return new TerritoryParseResult(null, [new TerritoryProblem(where, $"{line}not a territory document: {FirstSentence(e.Message)}")]);
        }

        if (document is null)
        {
            return new TerritoryParseResult(null, [new TerritoryProblem("(document)", "the file holds null, not a territory document")]);
        }

        return new TerritoryParseResult(document, TerritoryValidator.Validate(document, categories));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
