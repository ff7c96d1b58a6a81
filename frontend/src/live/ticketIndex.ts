import { eventType, isEventDelta, type BoardTicket, type InspectionSummary, type LiveDelta, type TicketSummary } from './types';

/**
 * Ticket summaries by id, keeping the highest revision (an older summary arriving late is ignored).
 * `keep` decides which tickets belong to the view (e.g. open ones, or one worker's).
 */
export class TicketIndex<T extends BoardTicket = TicketSummary> {
  private readonly tickets = new Map<string, T>();

  constructor(private readonly keep: (ticket: T) => boolean = (t) => t.isOpen) {}

  reset(tickets: readonly T[] = []): void {
    this.tickets.clear();
    for (const ticket of tickets) this.upsert(ticket);
  }

  /** Returns true when the index changed. */
  upsert(ticket: T): boolean {
    const known = this.tickets.get(ticket.id);
    if (known && (known.revision ?? 0) > (ticket.revision ?? 0)) return false;
    if (known && known.revision === ticket.revision && known.version === ticket.version && known.bucket === ticket.bucket) {
      return false;
    }

    if (this.keep(ticket)) this.tickets.set(ticket.id, ticket);
    else if (known) this.tickets.delete(ticket.id);
    else return false;
    return true;
  }

  /** Folds the ticket events among the deltas (board frames' tickets too); returns true when anything changed. */
  apply(deltas: readonly LiveDelta[]): boolean {
    let changed = false;
    for (const delta of deltas) {
      if (!isEventDelta(delta)) {
        for (const ticket of delta.tickets ?? []) changed = this.upsert(ticket as T) || changed;
        continue;
      }

      const type = eventType(delta.event);
      if (type.startsWith('ticket') && delta.event.summary && 'revision' in delta.event.summary) {
        changed = this.upsert(delta.event.summary as unknown as T) || changed;
      }
    }

    return changed;
  }

  get(id: string): T | undefined {
    return this.tickets.get(id);
  }

  all(): T[] {
    return [...this.tickets.values()];
  }

  get size(): number {
    return this.tickets.size;
  }
}

/** Inspection summaries by id, keeping the highest version. */
export class InspectionIndex {
  private readonly inspections = new Map<string, InspectionSummary>();

  constructor(private readonly keep: (inspection: InspectionSummary) => boolean = () => true) {}

  reset(inspections: readonly InspectionSummary[] = []): void {
    this.inspections.clear();
    for (const inspection of inspections) this.upsert(inspection);
  }

  upsert(inspection: InspectionSummary): boolean {
    const known = this.inspections.get(inspection.id);
    if (known && known.version > inspection.version) return false;
    if (this.keep(inspection)) this.inspections.set(inspection.id, inspection);
    else if (known) this.inspections.delete(inspection.id);
    else return false;
    return true;
  }

  apply(deltas: readonly LiveDelta[]): boolean {
    let changed = false;
    for (const delta of deltas) {
      if (isEventDelta(delta) && eventType(delta.event) === 'inspectionchanged' && delta.event.summary) {
        changed = this.upsert(delta.event.summary as InspectionSummary) || changed;
      }
    }

    return changed;
  }

  all(): InspectionSummary[] {
    return [...this.inspections.values()];
  }
}
