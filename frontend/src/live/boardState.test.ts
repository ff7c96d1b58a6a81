import { describe, expect, it } from 'vitest';
import { BoardState, breachingLength, feedLength } from './boardState';
import type { AreaBoard, BoardCounters, BoardFrame, BoardTicket, Snapshot } from './types';

function counters(open: number, overdue = 0): BoardCounters {
  return {
    open, overdue, suspended: 0, supervised: 0, escalated: 0, receivedToday: open, resolvedToday: 0, resolvedOnTimeToday: 0,
    closedToday: 0, ratedToday: 0, satisfiedToday: 0, patrolsScheduledToday: 0, patrolsCompletedToday: 0, patrolsMissedToday: 0, findingsToday: 0,
    aging: { under50: open - overdue, from50To75: 0, from75To100: 0, overdue, total: open },
  };
}

function ticket(n: number, revision: number, patch: Partial<BoardTicket> = {}): BoardTicket {
  return {
    id: `t${n}`, revision, status: 'Dispatched', title: `第${n}号`, isOpen: true, isOverdue: false, bucket: 'Under50',
    deadline: new Date(Date.UTC(2026, 11, 7, 1) + n * 3_600_000).toISOString(), lastChangedAt: '2026-12-06T02:00:00Z', ...patch,
  };
}

const cityBoard: AreaBoard = {
  code: 'city', name: '市', counters: counters(3), hotspot: 1,
  children: [{ code: '110101', name: '东城区', level: 'District', counters: counters(3), hotspot: 1 }],
};

function snapshot(tickets: BoardTicket[], breaching?: BoardTicket[]): Snapshot {
  return { scope: 'city', sequence: 10, serverTime: '2026-12-06T02:00:00Z', board: cityBoard, grids: [{ code: 'g1', name: '一', hotspot: 0.5 }], tickets: tickets as never, breaching };
}

function frame(patch: Partial<BoardFrame>): BoardFrame {
  return { scope: 'city', sequence: 11, at: '2026-12-06T02:00:01Z', ...patch };
}

describe('BoardState', () => {
  it('takes the snapshot: board, grid hotspots, overdue list, breaching next', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([ticket(1, 1), ticket(2, 1, { isOverdue: true, bucket: 'Overdue' }), ticket(3, 1)]));

    expect(state.board?.counters.open).toBe(3);
    expect(state.gridHotspot.get('g1')).toBe(0.5);
    expect(state.overdue().map((t) => t.id)).toEqual(['t2']);
    expect(state.breaching().map((t) => t.id)).toEqual(['t1', 't3']);
  });

  it('takes "breaching next" as the server lists it, with the states of the tickets entering it', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([ticket(1, 1), ticket(2, 1)], [ticket(1, 1), ticket(2, 1)]));

    state.applyFrame(frame({ tickets: [ticket(1, 2, { status: 'Closed', isOpen: false }), ticket(9, 4)], breaching: ['t2', 't9'] }));

    expect(state.breaching().map((t) => [t.id, t.revision])).toEqual([['t2', 1], ['t9', 4]]);
  });

  it('updates a member of breaching next in place when the list itself did not change', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([ticket(1, 1), ticket(2, 1)]));

    state.applyFrame(frame({ tickets: [ticket(2, 3, { status: 'Accepted' })] }));

    expect(state.breaching().map((t) => [t.id, t.status])).toEqual([['t1', 'Dispatched'], ['t2', 'Accepted']]);
  });

  it('adds tickets entering the overdue list and drops those leaving it', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([ticket(1, 1, { isOverdue: true, bucket: 'Overdue' }), ticket(2, 1)]));

    state.applyFrame(frame({ tickets: [ticket(1, 2, { status: 'Closed', isOpen: false, isOverdue: true }), ticket(2, 2, { isOverdue: true, bucket: 'Overdue' })] }));

    expect(state.overdue().map((t) => t.id)).toEqual(['t2']);
    // An older revision arriving later changes nothing.
    state.applyFrame(frame({ sequence: 12, tickets: [ticket(2, 1)] }));
    expect(state.overdue().map((t) => [t.id, t.revision])).toEqual([['t2', 2]]);
  });

  it('replaces the KPI counters with the board delta and the league with the streets that reported', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([]));

    state.applyFrame(frame({
      board: { code: 'city', name: '市', hotspot: 2.5, counters: counters(7, 2) },
      areas: [{ code: '110101001', name: '东华门街道', level: 'Street', hotspot: 1, counters: counters(4, 1) }, { code: '110101', name: '东城区', level: 'District', hotspot: 2, counters: counters(7, 2) }],
      grids: [{ code: 'g1', name: '一', hotspot: 1.25 }],
    }));

    expect(state.board?.counters.open).toBe(7);
    expect(state.board?.counters.aging.overdue).toBe(2);
    expect(state.board?.hotspot).toBe(2.5);
    expect(state.board?.children[0].counters.open).toBe(7);
    expect(state.streets.get('110101001')?.counters.overdue).toBe(1);
    expect(state.gridHotspot.get('g1')).toBe(1.25);
  });

  it('keeps the feed to the last changes, newest first, one row per ticket at its latest revision', () => {
    const state = new BoardState();
    state.takeSnapshot(snapshot([]));
    const at = (n: number) => new Date(Date.UTC(2026, 11, 6, 2, 0, n)).toISOString();

    state.applyFrame(frame({ tickets: [1, 2, 3].map((n) => ticket(n, 1, { lastChangedAt: at(n) })) }));
    state.applyFrame(frame({ sequence: 12, tickets: [ticket(1, 2, { lastChangedAt: at(20), status: 'Accepted' }), ...[4, 5, 6, 7, 8, 9, 10].map((n) => ticket(n, 1, { lastChangedAt: at(n) }))] }));

    const feed = state.recent();
    expect(feed).toHaveLength(feedLength);
    expect(feed.map((t) => t.id)).toEqual(['t1', 't10', 't9', 't8', 't7', 't6', 't5', 't4']);
    expect(feed[0].status).toBe('Accepted');
  });

  it('computes breaching next from a polled list when the hub is not there', () => {
    const state = new BoardState();
    const open = Array.from({ length: 20 }, (_, n) => ticket(20 - n, 1));
    state.resetTickets([...open, ticket(0, 1, { isSuspended: true })]);

    expect(state.breaching()).toHaveLength(breachingLength);
    expect(state.breaching()[0].id).toBe('t1');
  });
});
