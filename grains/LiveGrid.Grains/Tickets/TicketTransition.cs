using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// One entry of the audit trail: who (and in which role) did what, when, from which status to which, and why.
/// <see cref="Sequence"/> counts from 1; <see cref="From"/> is null only for intake. <see cref="Detail"/> says what the
/// action carried (unit, rating, limit...) in words, so the trail reads on its own.
/// <para>
/// The outcome fields carry what measures need as data, so no reader parses <see cref="Detail"/>: <see cref="Rating"/>
/// on a callback (回访), <see cref="Level"/> on a resolution (办结), <see cref="Approved"/> on an extension decision
/// (延期审批), <see cref="Passed"/> on a verification (核查). They are null on every other entry and on entries written
/// before they existed (those say it in <see cref="Detail"/> only); null is not written, so older entries keep their bytes.
/// </para>
/// </summary>
public sealed record TicketTransition(
    int Sequence,
    DateTimeOffset At,
    TicketActor By,
    TicketStatus? From,
    TicketStatus To,
    TicketActionKind Action,
    string? Note,
    string? Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CallbackRating? Rating = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ResolutionLevel? Level = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Approved = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Passed = null);
