using LiveGrid.Grains.City;
using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>
/// Turns a request body into the action record, dated by the server. Missing or unusable fields become validation
/// errors named like the JSON ("reason", "actor.role"); the lifecycle checks the rest.
/// </summary>
public static class TicketActionMapper
{
    public static TicketAction? Map(TicketActionKind kind, TicketActionRequest request, DateTimeOffset at, CityModel city, ValidationErrors errors)
    {
        var actor = ActorRequest.Validate(request.Actor, errors);
        if (request.ExpectedVersion is < 1)
        {
            errors.Add("expectedVersion", "the expected version counts audit entries from 1");
        }

        TicketAction? action = kind switch
        {
            TicketActionKind.Classify => Classify(request, at, city, errors, actor),
            TicketActionKind.Dispatch => new Dispatch(actor!, at, request.UnitId?.Trim() ?? "", request.HelperUnitIds, request.Note),
            TicketActionKind.Redispatch => new Redispatch(actor!, at, request.UnitId?.Trim() ?? "", request.HelperUnitIds, request.Note),
            TicketActionKind.Accept => new Accept(actor!, at, request.Note),
            TicketActionKind.ArriveOnSite => new ArriveOnSite(actor!, at, request.Note),
            TicketActionKind.Resolve => Resolve(request, at, errors, actor),
            TicketActionKind.CallBack => errors.Required(request.Rating, "rating", "the rating (Satisfied, BasicallySatisfied or Unsatisfied)") is { } rating
                ? new CallBack(actor!, at, rating, request.Note)
                : null,
            TicketActionKind.Close => new Close(actor!, at, request.Note),
            TicketActionKind.Return => Text(request.Reason, "reason", errors) is { } reason ? new Return(actor!, at, reason) : null,
            TicketActionKind.Transfer => Transfer(request, at, errors, actor),
            TicketActionKind.RequestExtension => RequestExtension(request, at, errors, actor),
            TicketActionKind.DecideExtension => errors.Required(request.Approved, "approved", "approved (true or false)") is { } approved
                ? new DecideExtension(actor!, at, approved, request.Note)
                : null,
            TicketActionKind.Suspend => Text(request.Reason, "reason", errors) is { } reason ? new Suspend(actor!, at, reason) : null,
            TicketActionKind.Resume => new Resume(actor!, at, request.Note),
            TicketActionKind.Rework => Rework(request, at, errors, actor),
            TicketActionKind.Verify => errors.Required(request.Passed, "passed", "passed (true or false)") is { } passed
                ? new Verify(actor!, at, passed, request.Note)
                : null,
            TicketActionKind.MergeInto => Text(request.OriginalTicketId, "originalTicketId", errors) is { } original
                ? new MergeInto(actor!, at, original, request.Note)
                : null,
            TicketActionKind.Supervise => Supervise(request, at, errors, actor),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an action a client may perform"),
        };

        return errors.Any ? null : action;
    }

    /// <summary>A known category, or an error listing the known ones.</summary>
    public static void CheckCategory(string? category, CityModel city, ValidationErrors errors, string field = "category")
    {
        if (!string.IsNullOrWhiteSpace(category) && city.FindCategory(category) is null)
        {
            errors.Add(field, $"unknown category '{category.Trim()}'; known categories: {string.Join(", ", city.Categories.Select(c => c.Code))}");
        }
    }

    private static Classify? Classify(TicketActionRequest request, DateTimeOffset at, CityModel city, ValidationErrors errors, TicketActor? actor)
    {
        var category = Text(request.Category, "category", errors);
        CheckCategory(category, city, errors);
        var priority = errors.Required(request.Priority, "priority", "the priority (Urgent or Normal)");
        var kind = errors.Required(request.Kind, "kind", "the request kind");
        return category is null || priority is null || kind is null ? null : new Classify(actor!, at, category, priority.Value, kind.Value);
    }

    private static Resolve? Resolve(TicketActionRequest request, DateTimeOffset at, ValidationErrors errors, TicketActor? actor)
    {
        var note = Text(request.Note, "note", errors);
        var level = Level<ResolutionLevel>(request.Level, errors);
        return note is null || level is null ? null : new Resolve(actor!, at, note, level.Value);
    }

    private static Transfer? Transfer(TicketActionRequest request, DateTimeOffset at, ValidationErrors errors, TicketActor? actor)
    {
        var to = Text(request.ToUnitId, "toUnitId", errors);
        var reason = Text(request.Reason, "reason", errors);
        return to is null || reason is null ? null : new Transfer(actor!, at, to, reason);
    }

    private static RequestExtension? RequestExtension(TicketActionRequest request, DateTimeOffset at, ValidationErrors errors, TicketActor? actor)
    {
        var limit = Text(request.Limit, "limit", errors);
        if (limit is not null && !Grains.Sla.TimeLimit.TryParse(limit, out _, out var problem))
        {
            errors.Add("limit", problem);
        }

        var reason = Text(request.Reason, "reason", errors);
        return limit is null || reason is null ? null : new RequestExtension(actor!, at, limit, reason);
    }

    private static Rework? Rework(TicketActionRequest request, DateTimeOffset at, ValidationErrors errors, TicketActor? actor)
    {
        var reason = Text(request.Reason, "reason", errors);
        var source = errors.Required(request.Source, "source", "the rework source (UnsatisfiedCallback or FailedVerification)");
        return reason is null || source is null ? null : new Rework(actor!, at, reason, source.Value);
    }

    private static Supervise? Supervise(TicketActionRequest request, DateTimeOffset at, ValidationErrors errors, TicketActor? actor)
    {
        var level = Level<SupervisionLevel>(request.Level, errors);
        var note = Text(request.Note, "note", errors);
        return note is null || level is null ? null : new Supervise(actor!, at, level.Value, note);
    }

    private static string? Text(string? value, string field, ValidationErrors errors)
    {
        errors.Required(value, field);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static TLevel? Level<TLevel>(string? value, ValidationErrors errors)
        where TLevel : struct, Enum
    {
        // Names only: Enum.TryParse would also take "7".
        var match = Enum.GetNames<TLevel>().FirstOrDefault(name => string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add("level", $"the level is required: one of {string.Join(", ", Enum.GetNames<TLevel>())}");
            return null;
        }

        return Enum.Parse<TLevel>(match);
    }
}
