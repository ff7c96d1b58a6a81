namespace LiveGrid.Silo.Api.Common;

/// <summary>Validation errors by field, in the shape of a validation problem's "errors" member.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Required(string? value, string field, string? what = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{what ?? field} is required");
        }
    }

    public T? Required<T>(T? value, string field, string? what = null)
        where T : struct
    {
        if (value is null)
        {
            Add(field, $"{what ?? field} is required");
        }

        return value;
    }

    public void MaxLength(string? value, int max, string field)
    {
        if (value is { } text && text.Length > max)
        {
            Add(field, $"{field} is at most {max} characters; got {text.Length}");
        }
    }

    public bool Has(params string[] fields) => fields.Any(_errors.ContainsKey);

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);
}
