namespace LiveGrid.Grains.Calendar;

/// <summary>Calendar data or options that cannot make a sound calendar; the message names what is wrong.</summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(string message, DateOnly? date = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Date = date;
    }

    /// <summary>The offending date, when the problem is about one.</summary>
    public DateOnly? Date { get; }
}
