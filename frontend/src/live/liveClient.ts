import { isBoardFrame, type DeltaBatch, type LiveDelta, type ResumeResult, type Snapshot } from './types';

/** What the client needs of a SignalR HubConnection; a fake implements it in the unit tests. */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  on(method: string, handler: (...args: any[]) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** One scope's state: the last snapshot and every delta applied on top of it, in sequence order. */
export interface ScopeState {
  scope: string;
  snapshot: Snapshot | null;
  deltas: LiveDelta[];
  /** The last sequence applied (the snapshot's, then each delta's). */
  sequence: number;
  /** Set while a Subscribe is in flight after a gap or a lost resume. */
  resyncing: boolean;
}

/** Why a listener is called: a (new) snapshot replaced the state, or deltas were applied on top of it. */
export type ScopeChange = { kind: 'snapshot'; snapshot: Snapshot } | { kind: 'deltas'; deltas: LiveDelta[] };

export type ScopeListener = (state: ScopeState, change: ScopeChange) => void;

export interface LiveClientOptions {
  /** Applied deltas kept per scope (older ones are dropped; the views fold them as they come). */
  maxDeltas?: number;
  /** Called after a full disconnect to start again; the default retries with growing waits. */
  restartDelayMs?: (attempt: number) => number;
  onError?: (scope: string | null, error: unknown) => void;
  /** The domain clock as of a snapshot (serverTime). */
  onServerTime?: (serverTime: string) => void;
  /** The latest event time in a batch (a board frame's earliest change): the domain clock is at least there. */
  onEventTime?: (at: string) => void;
}

interface ScopeEntry {
  state: ScopeState;
  listeners: Set<ScopeListener>;
  /** Deltas that arrived during a resync: applied after the snapshot if they follow it. */
  pending: LiveDelta[];
}

/**
 * Live state per scope over the push hub: Subscribe gives a snapshot, deltas are applied in sequence order,
 * a gap resynchronises with Subscribe, duplicates and old deltas are ignored, and after a reconnect each scope
 * resumes from its last sequence (deltas if the server still has them, else a fresh snapshot).
 */
export class LiveClient {
  private readonly scopes = new Map<string, ScopeEntry>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private connectionState: ConnectionState = 'disconnected';
  private started = false;
  private stopped = false;
  private restartAttempt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly hub: HubConnectionLike, private readonly options: LiveClientOptions = {}) {
    hub.on('deltas', (batch: DeltaBatch) => this.receive(batch));
    hub.onreconnecting(() => this.setState('reconnecting'));
    hub.onreconnected(() => {
      this.setState('connected');
      void this.resumeAll();
    });
    hub.onclose(() => {
      this.setState('disconnected');
      this.scheduleRestart();
    });
  }

  get state(): ConnectionState {
    return this.connectionState;
  }

  /** Calls the listener now and on every change of the connection state; returns the unsubscribe function. */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.connectionState);
    return () => this.stateListeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.setState('connecting');
    try {
      await this.hub.start();
    } catch (error) {
      this.setState('disconnected');
      this.options.onError?.(null, error);
      this.scheduleRestart();
      throw error;
    }

    this.started = true;
    this.restartAttempt = 0;
    this.setState('connected');
    // Scopes asked for before the connection was up (or kept across a full restart).
    await this.resumeAll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.hub.stop();
    this.setState('disconnected');
  }

  /** Starts following a scope; the listener gets the snapshot, then every applied delta. */
  subscribe(scope: string, listener: ScopeListener): () => void {
    let entry = this.scopes.get(scope);
    const isNew = !entry;
    if (!entry) {
      entry = { state: { scope, snapshot: null, deltas: [], sequence: -1, resyncing: false }, listeners: new Set(), pending: [] };
      this.scopes.set(scope, entry);
    }

    entry.listeners.add(listener);
    if (entry.state.snapshot) {
      listener(entry.state, { kind: 'snapshot', snapshot: entry.state.snapshot });
    }

    if (isNew && this.connectionState === 'connected') {
      void this.resync(scope);
    }

    return () => {
      const current = this.scopes.get(scope);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) {
        this.scopes.delete(scope);
        if (this.connectionState === 'connected') {
          this.hub.invoke('Unsubscribe', scope).catch((error) => this.options.onError?.(scope, error));
        }
      }
    };
  }

  scopeState(scope: string): ScopeState | undefined {
    return this.scopes.get(scope)?.state;
  }

  /** A coalesced batch: frames of many scopes, each scope's in order. */
  receive(batch: DeltaBatch): void {
    let latest = '';
    const byScope = new Map<string, LiveDelta[]>();
    for (const frame of batch.frames ?? []) {
      const at = isBoardFrame(frame) ? frame.at : frame.event.at;
      if (at && Date.parse(at) > (Date.parse(latest) || 0)) latest = at;
      const list = byScope.get(frame.scope);
      if (list) list.push(frame);
      else byScope.set(frame.scope, [frame]);
    }

    if (latest) this.options.onEventTime?.(latest);
    for (const [scope, frames] of byScope) {
      this.applyDeltas(scope, frames);
    }
  }

  private applyDeltas(scope: string, frames: LiveDelta[]): void {
    const entry = this.scopes.get(scope);
    if (!entry) return;
    if (entry.state.resyncing || !entry.state.snapshot) {
      entry.pending.push(...frames);
      return;
    }

    const applied: LiveDelta[] = [];
    const sorted = [...frames].sort((a, b) => a.sequence - b.sequence);
    for (let i = 0; i < sorted.length; i++) {
      const delta = sorted[i];
      if (delta.sequence <= entry.state.sequence) continue; // duplicate or older than what we have
      if (delta.sequence !== entry.state.sequence + 1) {
        // A gap: what we missed is gone from this stream; the snapshot will cover it. Keep the rest for after.
        entry.pending.push(...sorted.slice(i));
        this.notify(entry, applied);
        void this.resync(scope);
        return;
      }

      entry.state.sequence = delta.sequence;
      entry.state.deltas.push(delta);
      applied.push(delta);
    }

    const max = this.options.maxDeltas ?? 2000;
    if (entry.state.deltas.length > max) entry.state.deltas.splice(0, entry.state.deltas.length - max);
    this.notify(entry, applied);
  }

  private notify(entry: ScopeEntry, applied: LiveDelta[]): void {
    if (applied.length === 0) return;
    for (const listener of entry.listeners) listener(entry.state, { kind: 'deltas', deltas: applied });
  }

  private replace(entry: ScopeEntry, snapshot: Snapshot): void {
    if (snapshot.serverTime) this.options.onServerTime?.(snapshot.serverTime);
    entry.state.snapshot = snapshot;
    entry.state.deltas = [];
    entry.state.sequence = snapshot.sequence;
    entry.state.resyncing = false;
    for (const listener of entry.listeners) listener(entry.state, { kind: 'snapshot', snapshot });
    this.drainPending(entry);
  }

  private drainPending(entry: ScopeEntry): void {
    const pending = entry.pending;
    entry.pending = [];
    if (pending.length > 0) this.applyDeltas(entry.state.scope, pending);
  }

  /** Subscribe again: a fresh snapshot replaces the state. */
  async resync(scope: string): Promise<void> {
    const entry = this.scopes.get(scope);
    if (!entry || entry.state.resyncing) return;
    entry.state.resyncing = true;
    try {
      const snapshot = await this.hub.invoke<Snapshot>('Subscribe', scope);
      if (this.scopes.get(scope) === entry) this.replace(entry, snapshot);
    } catch (error) {
      entry.state.resyncing = false;
      this.options.onError?.(scope, error);
    }
  }

  /** After a reconnect: every scope continues from its last sequence; scopes never loaded subscribe. */
  private async resumeAll(): Promise<void> {
    await Promise.all([...this.scopes.keys()].map((scope) => this.resume(scope)));
  }

  private async resume(scope: string): Promise<void> {
    const entry = this.scopes.get(scope);
    if (!entry) return;
    if (!entry.state.snapshot) {
      entry.state.resyncing = false;
      await this.resync(scope);
      return;
    }

    entry.state.resyncing = true;
    try {
      const result = await this.hub.invoke<ResumeResult>('Resume', scope, entry.state.sequence);
      if (this.scopes.get(scope) !== entry) return;
      if (result.snapshot) {
        this.replace(entry, result.snapshot);
        return;
      }

      entry.state.resyncing = false;
      const missed = result.deltas ?? [];
      // Resumed deltas come first, then whatever was pushed meanwhile; old ones are skipped by sequence.
      const pending = entry.pending;
      entry.pending = [];
      this.applyDeltas(scope, [...missed, ...pending]);
    } catch (error) {
      entry.state.resyncing = false;
      this.options.onError?.(scope, error);
      await this.resync(scope);
    }
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer) return;
    const attempt = this.restartAttempt++;
    const delay = this.options.restartDelayMs?.(attempt) ?? Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start().catch(() => undefined);
    }, delay);
  }

  private setState(state: ConnectionState): void {
    if (this.connectionState === state) return;
    this.connectionState = state;
    for (const listener of this.stateListeners) listener(state);
  }

  /** True once start() succeeded at least once. */
  get hasStarted(): boolean {
    return this.started;
  }
}
