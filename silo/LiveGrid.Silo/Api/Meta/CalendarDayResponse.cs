namespace LiveGrid.Silo.Api.Meta;

/// <summary>One local date: whether offices work, the holiday it belongs to, or the holiday it is made up for (调休).</summary>
public sealed record CalendarDayResponse(DateOnly Date, bool IsWorkingDay, string? Holiday, string? MakeUpWorkingDayFor);
