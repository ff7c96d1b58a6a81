// Wire types of the live push protocol (README, "The live views") and the parts of the HTTP API the views read.
// JSON is camelCase with enums as strings, times ISO-8601 UTC.

export type AgingBucket = 'Under50' | 'From50To75' | 'From75To100' | 'Overdue';

export interface TicketSummary {
  id: string;
  version: number;
  revision: number;
  status: string;
  source?: string;
  category?: string | null;
  priority?: string;
  kind?: string;
  gridCode?: string | null;
  address?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  title: string;
  receivedAt: string;
  lastChangedAt?: string;
  leadUnitId?: string | null;
  assigneeWorkerId?: string | null;
  agingStage?: string | null;
  deadline?: string | null;
  bucket?: AgingBucket | null;
  isSuspended?: boolean;
  supervision?: string | null;
  escalatedTo?: string | null;
  resolvedAt?: string | null;
  resolvedOnTime?: boolean | null;
  rating?: string | null;
  suspectedDuplicateOf?: string | null;
  mergedInto?: string | null;
  isOpen: boolean;
  isOverdue: boolean;
}

export interface InspectionSummary {
  id: string;
  version: number;
  kind: string;
  status: string;
  gridCode: string;
  workerId: string;
  shift?: string | null;
  windowStart: string;
  windowEnd: string;
  startedAt?: string | null;
  completedAt?: string | null;
  checkpointsPassed: number;
  checkpointsPlanned: number;
  findings: number;
  ticketId?: string | null;
  passed?: boolean | null;
}

export interface BoardCounters {
  day?: string;
  open: number;
  byStatus?: Record<string, number>;
  aging: { under50: number; from50To75: number; from75To100: number; overdue: number; total: number };
  overdue: number;
  suspended: number;
  supervised: number;
  escalated: number;
  receivedToday: number;
  resolvedToday: number;
  resolvedOnTimeToday: number;
  closedToday: number;
  ratedToday: number;
  satisfiedToday: number;
  patrolsScheduledToday: number;
  patrolsCompletedToday: number;
  patrolsMissedToday: number;
  findingsToday: number;
}

/** A hotspot is a number on a board and {value, asOf} on a child report: both are accepted. */
export type Hotspot = number | { value: number; asOf?: string };

export interface BreachCandidate {
  ticketId: string;
  gridCode?: string | null;
  category?: string | null;
  stage: string;
  deadline: string;
  title: string;
}

export interface AreaChild {
  code: string;
  name: string;
  level?: string | null;
  version?: number;
  counters: BoardCounters;
  hotspot: Hotspot;
  breachingNext?: BreachCandidate[];
}

export interface AreaBoard extends AreaChild {
  children: AreaChild[];
  readAt?: string;
}

export interface GridLite {
  code?: string;
  gridCode?: string;
  name: string;
  hotspot: Hotspot;
  counters?: BoardCounters;
}

export interface WorkerNotification {
  sequence: number;
  at: string;
  kind: string;
  title: string;
  ticketId?: string | null;
  inspectionId?: string | null;
  deadline?: string | null;
}

export interface WorkerView {
  workerId: string;
  name?: string | null;
  gridCode?: string | null;
  onDuty: boolean;
  assignments: TicketSummary[];
  inspections: InspectionSummary[];
  feedSequence: number;
}

/** The grains' domain event; `type` is the discriminator (the server writes it camelCase, e.g. "ticketChanged"). */
export interface DomainEvent {
  type: string;
  stream?: string;
  sequence?: number;
  at?: string;
  schemaVersion?: number;
  summary?: TicketSummary | InspectionSummary;
  report?: AreaChild;
  workerId?: string;
  notification?: WorkerNotification;
  [key: string]: unknown;
}

/** A delta of a ticket, worker or grid scope: one domain event. */
export interface Delta {
  scope: string;
  sequence: number;
  event: DomainEvent;
}

/**
 * A ticket as a city or area board frame carries it (the summary's names, only what the board shows). A full
 * TicketSummary (snapshots) is one too.
 */
export interface BoardTicket {
  id: string;
  revision: number;
  version?: number;
  status: string;
  gridCode?: string | null;
  title: string;
  agingStage?: string | null;
  deadline?: string | null;
  bucket?: AgingBucket | null;
  isOpen: boolean;
  isOverdue: boolean;
  isSuspended?: boolean;
  supervision?: string | null;
  lastChangedAt?: string;
  receivedAt?: string;
  longitude?: number | null;
  latitude?: number | null;
}

/** An area's board in brief (a frame's own board and its areas). */
export interface AreaBrief {
  code: string;
  name: string;
  level?: string | null;
  hotspot: number;
  counters: BoardCounters;
}

/**
 * A delta of a city or area scope: per frame (~100 ms) the latest state of what changed. `at` is the earliest change
 * folded into it. `tickets`: the last changes (feed), tickets entering/in/leaving the overdue list and entering/in
 * "breaching next", each once at its latest revision. `breaching`: the list's ids when it changed.
 */
export interface BoardFrame {
  scope: string;
  sequence: number;
  at: string;
  board?: AreaBrief;
  areas?: AreaBrief[];
  grids?: GridLite[];
  tickets?: BoardTicket[];
  breaching?: string[];
}

/** What a scope's deltas are: events (ticket, worker, grid scopes) or board frames (city, area scopes). */
export type LiveDelta = Delta | BoardFrame;

export function isBoardFrame(delta: LiveDelta): delta is BoardFrame {
  return (delta as Partial<Delta>).event == null;
}

export function isEventDelta(delta: LiveDelta): delta is Delta {
  return (delta as Partial<Delta>).event != null;
}

export interface DeltaBatch {
  frames: LiveDelta[];
  sentAt: string;
}

export interface Snapshot {
  scope: string;
  sequence: number;
  serverTime: string;
  board?: AreaBoard;
  grids?: GridLite[];
  tickets?: TicketSummary[];
  /** City and area scopes: "breaching next" now, soonest first. */
  breaching?: BoardTicket[];
  worker?: WorkerView;
  feed?: WorkerNotification[];
  ticket?: unknown;
}

export interface ResumeResult {
  scope: string;
  deltas?: LiveDelta[] | null;
  snapshot?: Snapshot | null;
}

/** Lower-case, first-letter-insensitive event type: "TicketChanged" and "ticketChanged" are the same. */
export function eventType(event: DomainEvent): string {
  return (event.type ?? (event as { $type?: string }).$type ?? '').toLowerCase();
}
