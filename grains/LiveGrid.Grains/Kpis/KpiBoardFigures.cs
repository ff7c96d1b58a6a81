namespace LiveGrid.Grains.Kpis;

/// <summary>
/// The board's "today" tiles (<see cref="Boards.BoardCounters"/>) as the board defines them, recomputed from the audit
/// trails for any period, so a report can be checked against the live board. The board keeps only each ticket's
/// current round, so these differ from the engine's own measures on purpose:
/// <list type="bullet">
/// <item><see cref="Received"/>: intakes in the period, merged duplicates included.</item>
/// <item><see cref="Resolved"/>/<see cref="ResolvedOnTime"/>: tickets whose current round (the trail after the last
/// dispatch, redispatch, transfer or rework) was resolved in the period; a resolution later reworked no longer counts.</item>
/// <item><see cref="Closed"/>: tickets that ended in the period, by close (结案), by a passed verification (核查, which closes the ticket) or by merge (合并).</item>
/// <item><see cref="Rated"/>/<see cref="Satisfied"/>: tickets whose current round's callback was in the period; an
/// unsatisfied callback followed by rework no longer counts.</item>
/// </list>
/// </summary>
public sealed record KpiBoardFigures(int Received, int Resolved, int ResolvedOnTime, int Closed, int Rated, int Satisfied);
