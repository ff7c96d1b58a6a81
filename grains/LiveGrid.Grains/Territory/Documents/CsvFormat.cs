using System.Text;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// RFC 4180 CSV as Excel reads and writes it: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
/// quote, a line break or edge spaces, quotes doubled inside. Files are UTF-8 with a BOM, without which Excel on a
/// Chinese Windows reads the bytes as GBK and the names turn to mojibake.
/// </summary>
public static class CsvFormat
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The rows as CSV text (no BOM; see <see cref="ToExcelBytes"/>).</summary>
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                AppendField(text, row[i] ?? string.Empty);
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>UTF-8 with the byte-order mark, as Excel needs to recognise UTF-8.</summary>
    public static byte[] ToExcelBytes(string csv) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv)];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 with or without a BOM (invalid bytes become U+FFFD).</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith(Utf8WithBom.Preamble) ? bytes[3..] : bytes);

    /// <summary>
    /// Decodes UTF-8 with or without a BOM; false when the bytes are not UTF-8, which for a Chinese file almost always
    /// means Excel saved it as GBK ("CSV (逗号分隔)" rather than "CSV UTF-8 (逗号分隔)").
    /// </summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes.StartsWith(Utf8WithBom.Preamble) ? bytes[3..] : bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// The records of <paramref name="csv"/> (a leading BOM is skipped; CRLF, LF and CR all end a record; blank lines are
    /// skipped). Returns the error (with its line) when a quoted field is never closed or a quote stands mid-field.
    /// </summary>
    public static IReadOnlyList<CsvRow> Parse(string csv, out string? error)
    {
        ArgumentNullException.ThrowIfNull(csv);
        error = null;
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        var wasQuoted = false; // the current field was quoted: another quote in it is an error
        var recordStarted = false; // a blank line has no field at all and is skipped
        while (i < csv.Length)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < csv.Length && csv[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    if (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                    {
                        error = $"line {line}: a quoted field is followed by '{csv[i]}'; after the closing quote comes a comma or the end of the line";
                        return rows;
                    }

                    continue;
                }

                if (c == '\n' || (c == '\r' && (i + 1 >= csv.Length || csv[i + 1] != '\n')))
                {
                    line++;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    recordStarted = true;
                    i++;
                    break;
                case '"':
                    error = $"line {line}: a quote inside an unquoted field; quote the whole field and double the quote (\"\")";
                    return rows;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    recordStarted = true;
                    i++;
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (recordStarted || fields[0].Length > 0)
                    {
                        rows.Add(new CsvRow(recordLine, [.. fields]));
                    }

                    fields.Clear();
                    wasQuoted = false;
                    recordStarted = false;
                    i += c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        error = $"line {line}: text after a quoted field's closing quote";
                        return rows;
                    }

                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (quoted)
        {
            error = $"line {recordLine}: a quoted field is never closed";
            return rows;
        }

        if (field.Length > 0 || fields.Count > 0 || recordStarted)
        {
            fields.Add(field.ToString());
            rows.Add(new CsvRow(recordLine, [.. fields]));
        }

        return rows;
    }

    private static void AppendField(StringBuilder text, string value)
    {
        var needsQuotes = value.Length > 0 &&
            (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        if (!needsQuotes)
        {
            text.Append(value);
            return;
        }

        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
