import { describe, expect, it } from 'vitest';
import { LiveClient, type HubConnectionLike, type ScopeChange, type ScopeState } from './liveClient';
import { TicketIndex } from './ticketIndex';
import type { BoardFrame, Delta, DeltaBatch, ResumeResult, Snapshot, TicketSummary } from './types';

/** A hub connection driven by the test: it answers invokes from the server-side state the test sets. */
class FakeHub implements HubConnectionLike {
  readonly calls: { method: string; args: unknown[] }[] = [];
  private handlers = new Map<string, (...args: any[]) => void>();
  private reconnecting: ((error?: Error) => void)[] = [];
  private reconnected: ((id?: string) => void)[] = [];
  private closed: ((error?: Error) => void)[] = [];
  snapshots = new Map<string, Snapshot>();
  resumeAnswer: (scope: string, after: number) => ResumeResult = (scope) => ({ scope, deltas: [] });

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    const scope = args[0] as string;
    if (method === 'Subscribe') {
      const snapshot = this.snapshots.get(scope);
      if (!snapshot) throw new Error(`no scope ${scope}`);
      return snapshot as T;
    }

    if (method === 'Resume') return this.resumeAnswer(scope, args[1] as number) as T;
    return undefined as T;
  }

  on(method: string, handler: (...args: any[]) => void): void {
    this.handlers.set(method, handler);
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnecting.push(callback);
  }

  onreconnected(callback: (id?: string) => void): void {
    this.reconnected.push(callback);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closed.push(callback);
  }

  push(batch: DeltaBatch): void {
    this.handlers.get('deltas')!(batch);
  }

  dropConnection(): void {
    for (const callback of this.reconnecting) callback(new Error('network'));
  }

  closeConnection(): void {
    for (const callback of this.closed) callback(new Error('gave up'));
  }

  restoreConnection(): void {
    for (const callback of this.reconnected) callback('new-id');
  }

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ticket(id: string, revision: number, patch: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id, version: revision, revision, status: 'Dispatched', title: id, receivedAt: '2026-12-06T01:00:00Z',
    isOpen: true, isOverdue: false, deadline: '2026-12-07T01:00:00Z', bucket: 'Under50', ...patch,
  };
}

function delta(scope: string, sequence: number, summary: TicketSummary): Delta {
  return { scope, sequence, event: { type: 'ticketChanged', stream: summary.id, sequence, at: '2026-12-06T02:00:00Z', summary } };
}

function snapshot(scope: string, sequence: number, tickets: TicketSummary[] = []): Snapshot {
  return { scope, sequence, serverTime: '2026-12-06T02:00:00Z', tickets };
}

async function started(hub: FakeHub, scope = 'city') {
  const client = new LiveClient(hub, { restartDelayMs: () => 1_000_000 });
  const changes: ScopeChange[] = [];
  let last: ScopeState | null = null;
  client.subscribe(scope, (state, change) => {
    changes.push(change);
    last = state;
  });
  await client.start();
  await flush();
  return { client, changes, state: () => last! };
}

describe('LiveClient', () => {
  it('applies the snapshot, then deltas in sequence order', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 10, [ticket('a', 1)]));
    const { state, changes } = await started(hub);

    expect(state().sequence).toBe(10);
    expect(changes[0].kind).toBe('snapshot');

    hub.push({ sentAt: '2026-12-06T02:00:01Z', frames: [delta('city', 11, ticket('a', 2)), delta('city', 12, ticket('b', 1))] });

    expect(state().sequence).toBe(12);
    expect(state().deltas.map((d) => d.sequence)).toEqual([11, 12]);
    const index = new TicketIndex();
    index.reset(state().snapshot!.tickets);
    index.apply(state().deltas);
    expect(index.get('a')!.revision).toBe(2);
    expect(index.size).toBe(2);
  });

  it('resynchronises with Subscribe when a sequence is skipped', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 10));
    const { state } = await started(hub);
    expect(hub.count('Subscribe')).toBe(1);

    hub.snapshots.set('city', snapshot('city', 20, [ticket('x', 3)]));
    hub.push({ sentAt: '', frames: [delta('city', 11, ticket('a', 1)), delta('city', 13, ticket('b', 1))] });
    await flush();

    expect(hub.count('Subscribe')).toBe(2);
    expect(state().sequence).toBe(20);
    expect(state().snapshot!.tickets!.map((t) => t.id)).toEqual(['x']);
    expect(state().deltas).toEqual([]);

    hub.push({ sentAt: '', frames: [delta('city', 21, ticket('c', 1))] });
    expect(state().sequence).toBe(21);
  });

  it('resumes every scope after a reconnect with its last sequence, without a new snapshot', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 5));
    const { client, state, changes } = await started(hub);
    hub.push({ sentAt: '', frames: [delta('city', 6, ticket('a', 1))] });
    const states: string[] = [];
    client.onStateChange((s) => states.push(s));

    hub.resumeAnswer = (scope, after) => ({ scope, deltas: [delta('city', after + 1, ticket('a', 2)), delta('city', after + 2, ticket('b', 1))] });
    hub.dropConnection();
    expect(client.state).toBe('reconnecting');
    hub.restoreConnection();
    await flush();

    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    const resume = hub.calls.find((c) => c.method === 'Resume');
    expect(resume?.args).toEqual(['city', 6]);
    expect(hub.count('Subscribe')).toBe(1);
    expect(state().sequence).toBe(8);
    expect(changes.filter((c) => c.kind === 'snapshot')).toHaveLength(1);
  });

  it('takes the snapshot a resume returns when the server no longer has the deltas', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 5));
    const { state } = await started(hub);

    hub.resumeAnswer = (scope) => ({ scope, snapshot: snapshot('city', 5000, [ticket('z', 9)]) });
    hub.dropConnection();
    hub.restoreConnection();
    await flush();

    expect(state().sequence).toBe(5000);
    expect(state().snapshot!.tickets![0].id).toBe('z');
  });

  it('ignores duplicate and old deltas', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 10));
    const { state, changes } = await started(hub);

    hub.push({ sentAt: '', frames: [delta('city', 9, ticket('old', 1)), delta('city', 10, ticket('old', 1))] });
    expect(changes).toHaveLength(1);
    hub.push({ sentAt: '', frames: [delta('city', 11, ticket('a', 1))] });
    hub.push({ sentAt: '', frames: [delta('city', 11, ticket('a', 1)), delta('city', 12, ticket('b', 1))] });

    expect(state().deltas.map((d) => d.sequence)).toEqual([11, 12]);
    expect(hub.count('Subscribe')).toBe(1);
  });

  it('splits a coalesced batch by scope and applies each scope in order', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 100));
    hub.snapshots.set('worker:w1', snapshot('worker:w1', 3));
    const client = new LiveClient(hub);
    const seen: Record<string, number[]> = { city: [], 'worker:w1': [] };
    for (const scope of Object.keys(seen)) {
      client.subscribe(scope, (_, change) => {
        if (change.kind === 'deltas') seen[scope].push(...change.deltas.map((d) => d.sequence));
      });
    }

    await client.start();
    await flush();
    const frames: Delta[] = [];
    for (let i = 1; i <= 500; i++) frames.push(delta('city', 100 + i, ticket(`t${i}`, 1)));
    frames.splice(250, 0, delta('worker:w1', 4, ticket('t250', 2)), delta('worker:w1', 5, ticket('t251', 2)));
    let notifications = 0;
    client.subscribe('city', () => notifications++);
    notifications = 0;
    hub.push({ sentAt: '2026-12-06T02:00:00Z', frames });

    expect(seen.city).toHaveLength(500);
    expect(seen.city[499]).toBe(600);
    expect(seen['worker:w1']).toEqual([4, 5]);
    expect(notifications).toBe(1); // one batch, one notification per scope
    expect(hub.count('Subscribe')).toBe(2);
  });

  it('holds deltas that arrive during a resync and applies those after the new snapshot', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 1));
    const { client, state } = await started(hub);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const invoke = hub.invoke.bind(hub);
    hub.invoke = async <T,>(method: string, ...args: unknown[]): Promise<T> => {
      if (method === 'Subscribe') await gate;
      return invoke<T>(method, ...args);
    };
    hub.snapshots.set('city', snapshot('city', 10));
    void client.resync('city');
    hub.push({ sentAt: '', frames: [delta('city', 10, ticket('a', 1)), delta('city', 11, ticket('b', 1))] });
    release();
    await flush();

    expect(state().sequence).toBe(11);
    expect(state().deltas.map((d) => d.sequence)).toEqual([11]);
  });
});

describe('TicketIndex', () => {
  it('keeps the highest revision and drops tickets that leave the view', () => {
    const index = new TicketIndex();
    index.reset([ticket('a', 5)]);
    expect(index.upsert(ticket('a', 4, { status: 'Closed' }))).toBe(false);
    expect(index.get('a')!.revision).toBe(5);
    expect(index.upsert(ticket('a', 6, { isOpen: false, status: 'Closed' }))).toBe(true);
    expect(index.get('a')).toBeUndefined();
  });
});

describe('LiveClient after a full disconnect', () => {
  it('starts the connection again and resumes each scope from its last sequence', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 40));
    const client = new LiveClient(hub, { restartDelayMs: () => 0 });
    const states: string[] = [];
    client.subscribe('city', () => undefined);
    await client.start();
    await flush();
    client.onStateChange((s) => states.push(s));
    hub.push({ sentAt: '', frames: [delta('city', 41, ticket('a', 1))] });

    hub.closeConnection();
    await flush();
    await flush();

    expect(states).toEqual(['connected', 'disconnected', 'connecting', 'connected']);
    expect(hub.calls.filter((c) => c.method === 'Resume').map((c) => c.args)).toEqual([['city', 41]]);
    expect(hub.count('Subscribe')).toBe(1);
  });
});

describe('LiveClient clock', () => {
  it('reports the snapshot time and the latest event time of a batch, not the transport sentAt', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 1));
    const times: string[] = [];
    const events: string[] = [];
    const client = new LiveClient(hub, { onServerTime: (t) => times.push(t), onEventTime: (t) => events.push(t) });
    client.subscribe('city', () => undefined);
    await client.start();
    await flush();
    const late = { ...delta('city', 2, ticket('a', 1)), event: { ...delta('city', 2, ticket('a', 1)).event, at: '2026-12-09T00:00:00Z' } };
    hub.push({ sentAt: '2000-01-01T00:00:00Z', frames: [delta('city', 3, ticket('b', 1)), late].sort((a, b) => a.sequence - b.sequence) });

    expect(times).toEqual(['2026-12-06T02:00:00Z']);
    expect(events).toEqual(['2026-12-09T00:00:00Z']);
  });

  it('applies city board frames like any deltas: in sequence, a gap resynchronises, the frame time moves the clock', async () => {
    const hub = new FakeHub();
    hub.snapshots.set('city', snapshot('city', 40));
    const events: string[] = [];
    const client = new LiveClient(hub, { onEventTime: (t) => events.push(t) });
    const frames: number[] = [];
    client.subscribe('city', (_, change) => {
      if (change.kind === 'deltas') frames.push(...change.deltas.map((d) => d.sequence));
    });
    await client.start();
    await flush();
    const boardFrame = (sequence: number): BoardFrame => ({ scope: 'city', sequence, at: `2026-12-06T02:00:0${sequence - 40}Z`, tickets: [{ ...ticket('a', sequence) }] });

    hub.push({ sentAt: '2026-12-06T02:00:09Z', frames: [boardFrame(41), boardFrame(42)] });
    expect(frames).toEqual([41, 42]);
    expect(events).toEqual(['2026-12-06T02:00:02Z']);

    hub.snapshots.set('city', snapshot('city', 44));
    hub.push({ sentAt: '2026-12-06T02:00:09Z', frames: [boardFrame(44), boardFrame(45)] });
    await flush();
    expect(hub.count('Subscribe')).toBe(2);
    expect(client.scopeState('city')!.sequence).toBe(45);
    expect(frames).toEqual([41, 42, 45]);
  });
});
