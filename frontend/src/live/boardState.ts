import { TicketIndex } from './ticketIndex';
import type { AreaBoard, AreaBrief, AreaChild, BoardFrame, BoardTicket, GridLite, Hotspot, Snapshot } from './types';

/** How many changes the board's feed shows (the server sends at least this many of each frame's last changes). */
export const feedLength = 8;

/** How long "breaching next" is on the board. */
export const breachingLength = 13;

export const hotspotValue = (h: Hotspot | undefined): number => (typeof h === 'number' ? h : h?.value ?? 0);

export function isOverdue(ticket: BoardTicket): boolean {
  return ticket.isOverdue || ticket.bucket === 'Overdue';
}

function byDeadline(a: BoardTicket, b: BoardTicket): number {
  return Date.parse(a.deadline ?? '9999-12-31') - Date.parse(b.deadline ?? '9999-12-31') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The higher revision of two states of one ticket. */
function newer<T extends BoardTicket>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return (a.revision ?? 0) >= (b.revision ?? 0) ? a : b;
}

/** "Breaching next" from a list of open tickets: not overdue, not suspended, with a deadline, soonest first. */
export function breachingOf(tickets: readonly BoardTicket[]): BoardTicket[] {
  return tickets.filter((t) => t.isOpen && !isOverdue(t) && !t.isSuspended && t.deadline).sort(byDeadline).slice(0, breachingLength);
}

/**
 * What the command board shows of a city (or area) scope: a snapshot, then board frames folded on top. Keeps only
 * what is shown: the board and its streets, grid hotspots, overdue tickets, "breaching next" and the feed.
 */
export class BoardState {
  board: AreaBoard | null = null;
  readonly streets = new Map<string, AreaChild>();
  readonly gridHotspot = new Map<string, number>();
  private readonly overdueTickets = new TicketIndex<BoardTicket>((t) => t.isOpen && isOverdue(t));
  private breachingNext: BoardTicket[] = [];
  private feed: BoardTicket[] = [];

  takeSnapshot(snapshot: Snapshot): void {
    if (snapshot.board) this.setBoard(snapshot.board);
    if (snapshot.grids) this.setGrids(snapshot.grids);
    this.resetTickets(snapshot.tickets ?? [], snapshot.breaching ?? undefined);
  }

  setBoard(next: AreaBoard): void {
    this.board = next;
    for (const child of next.children ?? []) if (child.level === 'Street') this.streets.set(child.code, child);
  }

  setGrids(grids: readonly GridLite[]): void {
    for (const grid of grids) this.gridHotspot.set(grid.code ?? grid.gridCode ?? '', hotspotValue(grid.hotspot));
  }

  /** Open tickets (a snapshot's or a polled list): the overdue list and, unless given, "breaching next" from them. */
  resetTickets(open: readonly BoardTicket[], breaching?: readonly BoardTicket[]): void {
    this.overdueTickets.reset(open);
    this.breachingNext = breaching ? [...breaching] : breachingOf(open);
  }

  /** The feed from elsewhere (the polled "recently changed" list), newest first. */
  setFeed(tickets: readonly BoardTicket[]): void {
    this.feed = tickets.slice(0, feedLength);
  }

  applyFrame(frame: BoardFrame): void {
    if (frame.board) this.applyArea(frame.board);
    for (const area of frame.areas ?? []) this.applyArea(area);
    if (frame.grids) this.setGrids(frame.grids);
    const tickets = frame.tickets ?? [];
    const changed = new Map(tickets.map((t) => [t.id, t]));
    for (const ticket of tickets) this.overdueTickets.upsert(ticket);
    if (frame.breaching) {
      const known = new Map(this.breachingNext.map((t) => [t.id, t]));
      this.breachingNext = frame.breaching.map((id) => newer(changed.get(id), known.get(id))).filter((t): t is BoardTicket => t !== undefined);
    } else {
      this.breachingNext = this.breachingNext.map((t) => newer(changed.get(t.id), t)!);
    }

    this.noteChanges(tickets);
  }

  /** Every open overdue ticket known, the freshest breach first (that is the one nobody has chased yet). */
  overdue(): BoardTicket[] {
    return this.overdueTickets.all().sort((a, b) => byDeadline(b, a));
  }

  breaching(): BoardTicket[] {
    return this.breachingNext;
  }

  recent(): BoardTicket[] {
    return this.feed;
  }

  private applyArea(area: AreaBrief): void {
    const board = this.board;
    if (board && (area.code === board.code || area.level == null)) {
      this.board = { ...board, counters: area.counters, hotspot: area.hotspot };
      return;
    }

    if (area.level === 'Street') this.streets.set(area.code, { ...this.streets.get(area.code), ...area });
    if (board?.children?.some((child) => child.code === area.code)) {
      this.board = { ...board, children: board.children.map((child) => (child.code === area.code ? { ...child, ...area } : child)) };
    }
  }

  /** The feed: newest change first, one row per ticket at its latest revision. */
  private noteChanges(tickets: readonly BoardTicket[]): void {
    if (tickets.length === 0) return;
    const changedAt = (t: BoardTicket) => Date.parse(t.lastChangedAt ?? t.receivedAt ?? '') || 0;
    const merged = [...[...tickets].sort((a, b) => changedAt(b) - changedAt(a)), ...this.feed];
    const latest = new Map<string, BoardTicket>();
    for (const ticket of merged) latest.set(ticket.id, newer(latest.get(ticket.id), ticket)!);
    const order: string[] = [];
    for (const ticket of merged) if (!order.includes(ticket.id)) order.push(ticket.id);
    this.feed = order.map((id) => latest.get(id)!).sort((a, b) => changedAt(b) - changedAt(a)).slice(0, feedLength);
  }
}
