using System.Globalization;
using System.Text;

namespace LiveGrid.Grains.Tickets.Privacy;

/// <summary>
/// How a caller's name and phone are shown to everyone but the roles that need them (domain §8).
/// <list type="bullet">
/// <item>Name: its first character and one ＊, whatever the length ("刘先生" → "刘＊", "Smith" → "S＊"), so the
/// length says nothing either.</item>
/// <item>Phone, by its digits (spaces, dashes and a leading + are dropped): 8 or more digits show the first three and
/// the last four with exactly four * between ("13812345678" → "138****5678", "+86 138 1234 5678" → "861****5678",
/// "010-12345678" → "010****5678"); 5 to 7 digits show only the last two ("****34"); fewer, or no digits, show "****".</item>
/// <item>Null and blank stay as they are: there is nothing to hide.</item>
/// </list>
/// </summary>
public static class CallerMask
{
    public const char NameMark = '＊';

    public const string PhoneMark = "****";

    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        // The first text element, so a surrogate pair or a combined character is never cut in half.
        var first = StringInfo.GetNextTextElement(name.Trim());
        return first + NameMark;
    }

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return phone;
        }

        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.Length switch
        {
            >= 8 => string.Concat(digits.ToString(0, 3), PhoneMark, digits.ToString(digits.Length - 4, 4)),
            >= 5 => string.Concat(PhoneMark, digits.ToString(digits.Length - 2, 2)),
            _ => PhoneMark,
        };
    }

    /// <summary>The intake as views show it: the caller masked, everything else as taken in.</summary>
    public static TicketIntake Intake(TicketIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return intake with { CallerName = Name(intake.CallerName), CallerPhone = Phone(intake.CallerPhone) };
    }
}
