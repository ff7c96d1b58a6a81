namespace LiveGrid.Grains.Sla;

/// <summary>How a time limit is counted. Text suffixes in brackets (see <see cref="TimeLimit.Parse"/>).</summary>
public enum TimeLimitUnit
{
    /// <summary>Clock hours, nights and holidays included ("h"; 小时).</summary>
    NaturalHours,

    /// <summary>Periods of 24 clock hours ("d"; 自然日).</summary>
    NaturalDays,

    /// <summary>Hours of working time on the business calendar ("wh"; 工作时).</summary>
    WorkingHours,

    /// <summary>Working days, ending at a close of business ("wd"; 工作日); see BusinessCalendar.AddWorkingDays.</summary>
    WorkingDays,
}
