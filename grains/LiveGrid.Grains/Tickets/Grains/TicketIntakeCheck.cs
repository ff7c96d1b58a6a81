using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Tickets;

/// <summary>What makes an intake unusable (受理 refused, nothing stored), in words an operator can act on.</summary>
public static class TicketIntakeCheck
{
    public const int MaxDescriptionLength = 4000;

    /// <summary>A person's name, with room for a title ("欧阳女士", "Mr. ...").</summary>
    public const int MaxCallerNameLength = 50;

    /// <summary>A phone number with a country code, an extension and separators.</summary>
    public const int MaxCallerPhoneLength = 32;

    public const int MaxAddressLength = 200;

    /// <summary>Why the intake cannot become a ticket at <paramref name="now"/>; null when it can.</summary>
    public static string? Problem(TicketIntake? intake, CityModel city, DateTimeOffset now)
    {
        if (intake is null)
        {
            return "the intake is required";
        }

        if (TicketLifecycle.ActorProblem(intake.ReceivedBy) is { } actor)
        {
            return actor;
        }

        if (string.IsNullOrWhiteSpace(intake.Description))
        {
            return "the description is required";
        }

        if (intake.Description.Length > MaxDescriptionLength)
        {
            return $"the description is longer than {MaxDescriptionLength} characters";
        }

        if (intake.CallerName is { Length: > MaxCallerNameLength })
        {
            return $"the caller's name is longer than {MaxCallerNameLength} characters";
        }

        if (intake.CallerPhone is { Length: > MaxCallerPhoneLength })
        {
            return $"the caller's phone is longer than {MaxCallerPhoneLength} characters";
        }

        if (intake.Address is { Length: > MaxAddressLength })
        {
            return $"the address is longer than {MaxAddressLength} characters";
        }

        if (!Enum.IsDefined(intake.Source))
        {
            return $"the source {intake.Source} is unknown";
        }

        if (intake.At is { } at && at > now)
        {
            return $"the intake time {at.ToUniversalTime():O} lies in the future (now {now:O})";
        }

        if (intake.Longitude.HasValue != intake.Latitude.HasValue)
        {
            return "a location needs both longitude and latitude";
        }

        if (intake.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            return $"longitude {lon} is outside [-180, 180]";
        }

        if (intake.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            return $"latitude {lat} is outside [-90, 90]";
        }

        if (!string.IsNullOrWhiteSpace(intake.GridCode) && city.Territory.FindGrid(intake.GridCode.Trim()) is null)
        {
            return $"grid {intake.GridCode.Trim()} is not a grid of the territory";
        }

        if (intake.Category is { } category && (string.IsNullOrWhiteSpace(category) || city.FindCategory(category) is null))
        {
            return $"category '{category}' is not configured; known categories: {string.Join(", ", city.Categories.Select(c => c.Code))}";
        }

        if (intake.Priority is { } priority && !Enum.IsDefined(priority))
        {
            return $"the priority {priority} is unknown";
        }

        if (intake.Kind is { } kind && !Enum.IsDefined(kind))
        {
            return $"the request kind {kind} is unknown";
        }

        return null;
    }
}
