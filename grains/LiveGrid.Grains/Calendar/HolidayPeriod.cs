namespace LiveGrid.Grains.Calendar;

/// <summary>
/// A public holiday block as the State Council announces it: the days off (<see cref="From"/> to <see cref="To"/>,
/// both inclusive, local dates) and the weekend days worked in exchange (调休上班). Used both for the embedded
/// data files and for configuration.
/// </summary>
public sealed class HolidayPeriod
{
    /// <summary>The holiday's name as people say it, e.g. 春节.</summary>
    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Last day off, inclusive; null for a single day.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Weekend days that are working days because of this holiday.</summary>
    public List<DateOnly> MakeUpWorkingDays { get; set; } = [];
}
