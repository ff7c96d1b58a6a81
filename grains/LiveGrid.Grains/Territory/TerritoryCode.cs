using System.Diagnostics.CodeAnalysis;

namespace LiveGrid.Grains.Territory;

/// <summary>
/// A code in Beijing's grid scheme: 6 district + 3 street + 3 community + 3 grid-sequence digits, where each level's
/// code is a prefix of its children's. Every instance is valid: the only way in is <see cref="Parse"/>/<see cref="TryParse"/>
/// (or a typed parser), and the concrete types are sealed. Classes rather than structs on purpose: a struct's
/// <c>default</c> would be an empty, illegal code.
/// </summary>
/// <remarks>
/// Ordering is ordinal on the digits, which puts a parent right before its children and siblings in sequence
/// (west to east, north to south, as the codes are assigned).
/// </remarks>
public abstract class TerritoryCode : IEquatable<TerritoryCode>, IComparable<TerritoryCode>
{
    private protected TerritoryCode(string value) => Value = value;

    /// <summary>The digits, e.g. "110105001002003".</summary>
    public string Value { get; }

    public abstract TerritoryLevel Level { get; }

    /// <summary>The code one level up; null for a district.</summary>
    public abstract TerritoryCode? Parent { get; }

    /// <summary>The ancestors from the district down to the immediate parent, the order an address is read in (区 街道 社区).</summary>
    public IReadOnlyList<TerritoryCode> ParentChain
    {
        get
        {
            var chain = new List<TerritoryCode>(3);
            for (var up = Parent; up is not null; up = up.Parent)
            {
                chain.Add(up);
            }

            chain.Reverse();
            return chain;
        }
    }

    /// <summary>True if this code is <paramref name="other"/> or one of its ancestors.</summary>
    public bool Contains(TerritoryCode other) => other.Value.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>Parses a code of any level, the level read from its length (6, 9, 12 or 15 digits).</summary>
    /// <exception cref="FormatException">The text is not a valid code; the message says why.</exception>
    public static TerritoryCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TerritoryCode? code) =>
        TryParse(text, out code, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out TerritoryCode? code,
        [NotNullWhen(false)] out string? error)
    {
        code = null;
        TerritoryLevel? level = text?.Length switch
        {
            6 => TerritoryLevel.District,
            9 => TerritoryLevel.Street,
            12 => TerritoryLevel.Community,
            15 => TerritoryLevel.Grid,
            _ => null,
        };

        // Report a bad character before a bad length: "１１０１０５" is six characters but the problem is full-width digits.
        error = text is null ? "A territory code is required." : DescribeBadCharacter("Territory", text);
        if (error is null && level is null)
        {
            error = $"Territory code '{text}' has {text!.Length} digits; expected 6 (district), 9 (street), 12 (community) or 15 (grid).";
        }

        if (error is null)
        {
            error = Validate(text!, level!.Value);
        }

        if (error is not null)
        {
            return false;
        }

        code = Create(text!, level!.Value);
        return true;
    }

    /// <summary>Why <paramref name="text"/> is not a valid code of <paramref name="level"/>, or null if it is.</summary>
    internal static string? Validate(string? text, TerritoryLevel level)
    {
        var noun = Noun(level);
        if (text is null)
        {
            return $"A {noun} code is required.";
        }

        var bad = DescribeBadCharacter(Capitalised(noun), text);
        if (bad is not null)
        {
            return bad;
        }

        var expected = Length(level);
        if (text.Length != expected)
        {
            return $"{Capitalised(noun)} code '{text}' has {text.Length} digits; expected {expected} ({Layout(level)}).";
        }

        for (var segment = TerritoryLevel.District; segment <= level; segment++)
        {
            var start = segment == TerritoryLevel.District ? 0 : Length(segment - 1);
            var span = text.AsSpan(start, Length(segment) - start);
            if (!span.ContainsAnyExcept('0'))
            {
                return $"{Capitalised(noun)} code '{text}' has an all-zero {SegmentName(segment)} segment " +
                       $"(digits {start + 1}-{Length(segment)}); codes are numbered from 1.";
            }
        }

        return null;
    }

    /// <summary>Builds the typed code for digits already validated for <paramref name="level"/>.</summary>
    internal static TerritoryCode Create(string digits, TerritoryLevel level) => level switch
    {
        TerritoryLevel.District => new DistrictCode(digits),
        TerritoryLevel.Street => new StreetCode(digits),
        TerritoryLevel.Community => new CommunityCode(digits),
        TerritoryLevel.Grid => new GridCode(digits),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>How many digits a code of <paramref name="level"/> has.</summary>
    public static int Length(TerritoryLevel level) => level switch
    {
        TerritoryLevel.District => 6,
        TerritoryLevel.Street => 9,
        TerritoryLevel.Community => 12,
        TerritoryLevel.Grid => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public bool Equals(TerritoryCode? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TerritoryCode other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public int CompareTo(TerritoryCode? other) => other is null ? 1 : string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    public static bool operator ==(TerritoryCode? left, TerritoryCode? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(TerritoryCode? left, TerritoryCode? right) => !(left == right);

    public static bool operator <(TerritoryCode left, TerritoryCode right) => left.CompareTo(right) < 0;

    public static bool operator >(TerritoryCode left, TerritoryCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(TerritoryCode left, TerritoryCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TerritoryCode left, TerritoryCode right) => left.CompareTo(right) >= 0;

    private static string? DescribeBadCharacter(string subject, string text)
    {
        if (text.Length == 0)
        {
            return $"{subject} code is empty.";
        }

        var index = text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (index < 0)
        {
            return null;
        }

        var c = text[index];
        // Full-width digits (０-９) come from Chinese input methods and spreadsheets; say so, since they look right on screen.
        var hint = c is >= '\uFF10' and <= '\uFF19' ? " (a full-width digit; use ASCII 0-9)" : " (only ASCII digits 0-9 are allowed)";
        return $"{subject} code '{text}' has '{c}' (U+{(int)c:X4}) at position {index + 1}{hint}.";
    }

    private static string Noun(TerritoryLevel level) => level switch
    {
        TerritoryLevel.District => "district",
        TerritoryLevel.Street => "street",
        TerritoryLevel.Community => "community",
        _ => "grid",
    };

    private static string Capitalised(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];

    private static string SegmentName(TerritoryLevel segment) => segment == TerritoryLevel.Grid ? "grid sequence" : Noun(segment);

    private static string Layout(TerritoryLevel level) => level switch
    {
        TerritoryLevel.District => "6 district",
        TerritoryLevel.Street => "6 district + 3 street",
        TerritoryLevel.Community => "6 district + 3 street + 3 community",
        _ => "6 district + 3 street + 3 community + 3 grid sequence",
    };
}
