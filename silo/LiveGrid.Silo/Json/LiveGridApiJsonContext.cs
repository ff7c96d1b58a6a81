using System.Text.Json;
using System.Text.Json.Serialization;
using LiveGrid.Grains.City;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Api.Inspections;
using LiveGrid.Silo.Api.Meta;
using LiveGrid.Silo.Api.Tickets;
using LiveGrid.Silo.Api.Workers;
using LiveGrid.Silo.Health;

namespace LiveGrid.Silo.Json;

/// <summary>
/// Source-generated JSON for the HTTP API's own types: no reflection on the request path. The grains' views come
/// from their contexts (DomainEventJsonContext, TicketJsonContext), next in the resolver chain.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ActorRequest))]
[JsonSerializable(typeof(TicketIntakeRequest))]
[JsonSerializable(typeof(TicketActionRequest))]
[JsonSerializable(typeof(TicketListResponse))]
[JsonSerializable(typeof(CallerRevealRequest))]
[JsonSerializable(typeof(CallerRevealResponse))]
[JsonSerializable(typeof(DutyRequest))]
[JsonSerializable(typeof(CheckInRequest))]
[JsonSerializable(typeof(CheckpointRequest))]
[JsonSerializable(typeof(FindingRequest))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(VerificationRequest))]
[JsonSerializable(typeof(InspectionCommandResponse))]
[JsonSerializable(typeof(SlaRuleResponse[]))]
[JsonSerializable(typeof(CalendarResponse))]
[JsonSerializable(typeof(IReadOnlyList<CategoryDefinition>))]
[JsonSerializable(typeof(LiveGrid.Grains.Kpis.KpiReport))]
[JsonSerializable(typeof(LiveGrid.Grains.Scorecards.ScorecardReport))]
public sealed partial class LiveGridApiJsonContext : JsonSerializerContext;
