namespace LiveGrid.Silo.Api.Workers;

/// <summary>PUT /api/workers/{id}/duty: on or off duty (AB岗: while off, the backup receives the work).</summary>
public sealed record DutyRequest(bool? OnDuty);
