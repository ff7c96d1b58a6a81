using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiveGrid.Grains.Sla;

/// <summary>
/// A time limit as rules state it: "24h", "2d", "4wh" (working hours), "3wd" (working days). Whole units only.
/// Zero is allowed for working days alone: "0wd" is "the same day" (当日), i.e. by the close of business of the day
/// the clock starts (the next working day's if it starts after hours); see <see cref="SameDay"/>.
/// <c>default(TimeLimit)</c> is not a valid limit (zero natural hours); consumers reject it.
/// </summary>
public readonly record struct TimeLimit
{
    /// <summary>Caps the amount so instants cannot overflow (10,000 working days is about forty years).</summary>
    public const int MaxAmount = 10_000;

    private const string Expected = "expected a whole number and a unit: h (hours), d (days), wh (working hours) or wd (working days), e.g. 24h, 2d, 4wh, 3wd";

    public TimeLimit(int amount, TimeLimitUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time limit unit.");
        }

        if (Problem(amount, unit) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, problem);
        }

        Amount = amount;
        Unit = unit;
    }

    /// <summary>By the close of business of the start day: zero working days.</summary>
    public static TimeLimit SameDay => new(0, TimeLimitUnit.WorkingDays);

    public int Amount { get; }

    public TimeLimitUnit Unit { get; }

    /// <summary>Whether the limit counts only working time (and a clock on it skips nights, weekends and holidays).</summary>
    public bool CountsWorkingTime => Unit is TimeLimitUnit.WorkingHours or TimeLimitUnit.WorkingDays;

    /// <summary>False for <c>default(TimeLimit)</c> and anything else the constructor would refuse.</summary>
    public bool IsValid => Enum.IsDefined(Unit) && Problem(Amount, Unit) is null;

    public static TimeLimit Hours(int amount) => new(amount, TimeLimitUnit.NaturalHours);

    public static TimeLimit Days(int amount) => new(amount, TimeLimitUnit.NaturalDays);

    public static TimeLimit WorkingHours(int amount) => new(amount, TimeLimitUnit.WorkingHours);

    public static TimeLimit WorkingDays(int amount) => new(amount, TimeLimitUnit.WorkingDays);

    /// <summary>Parses "24h", "2d", "4wh", "3wd" (case and surrounding spaces ignored); throws <see cref="FormatException"/>.</summary>
    public static TimeLimit Parse(string? text) =>
        TryParse(text, out var limit, out var error) ? limit : throw new FormatException(error);

    public static bool TryParse(string? text, out TimeLimit limit) => TryParse(text, out limit, out _);

    /// <summary>Like <see cref="Parse"/>, returning the reason on failure.</summary>
    public static bool TryParse(string? text, out TimeLimit limit, [NotNullWhen(false)] out string? error)
    {
        limit = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"Time limit is empty; {Expected}.";
            return false;
        }

        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            error = $"Time limit '{trimmed}' does not start with a whole number; {Expected}.";
            return false;
        }

        var suffix = trimmed[digits..].Trim().ToLowerInvariant();
        TimeLimitUnit? unit = suffix switch
        {
            "h" => TimeLimitUnit.NaturalHours,
            "d" => TimeLimitUnit.NaturalDays,
            "wh" => TimeLimitUnit.WorkingHours,
            "wd" => TimeLimitUnit.WorkingDays,
            _ => null,
        };
        if (suffix.Length == 0)
        {
            error = $"Time limit '{trimmed}' has no unit; {Expected}.";
            return false;
        }

        if (unit is null)
        {
            error = $"Time limit '{trimmed}' has unknown unit '{suffix}'; {Expected}.";
            return false;
        }

        if (!int.TryParse(trimmed.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > MaxAmount)
        {
            error = $"Time limit '{trimmed}' is too large; at most {MaxAmount} units.";
            return false;
        }

        if (Problem(amount, unit.Value) is { } problem)
        {
            error = $"Time limit '{trimmed}': {problem}";
            return false;
        }

        limit = new TimeLimit(amount, unit.Value);
        error = null;
        return true;
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        TimeLimitUnit.NaturalHours => "h",
        TimeLimitUnit.NaturalDays => "d",
        TimeLimitUnit.WorkingHours => "wh",
        TimeLimitUnit.WorkingDays => "wd",
        _ => "?",
    };

    private static string? Problem(int amount, TimeLimitUnit unit)
    {
        if (amount < 0)
        {
            return "a time limit cannot be negative.";
        }

        if (amount > MaxAmount)
        {
            return $"a time limit is at most {MaxAmount} units.";
        }

        if (amount == 0 && unit != TimeLimitUnit.WorkingDays)
        {
            return "only working days may be zero (0wd is \"the same day\"); a zero limit would be overdue at once.";
        }

        return null;
    }
}
