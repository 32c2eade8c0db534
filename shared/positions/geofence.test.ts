import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import type { OfficerStatus, PatrolArea } from '../model/organisation';
import { rect } from '../spatial/test-shapes';
import {
  alertDuration,
  areasByTeam,
  geofenceRule,
  placeFix,
  watchClock,
  watchFixes,
  type GeofenceAlert,
  type GeofenceChanges,
  type GeofenceContext,
  type GeofenceState,
} from './geofence';

// One patrol area, 0.01° square, for team t1. Distances east of its east edge (lon 120.01) along lat
// 30.005, by the haversine on the 6,371,008.8 m sphere (the equirectangular distance the rule uses
// agrees to the centimetre along a parallel): 0.002° = 192.6 m, 0.000208° = 20.0 m,
// 0.000052° = 5.0 m.
const AREA: PatrolArea = {
  id: 'area-1',
  name: '城东片区',
  teamId: 't1',
  color: '#2563eb',
  geometry: { type: 'Polygon', coordinates: [rect(120, 30, 120.01, 30.01)] },
};
const IN: LonLat = [120.005, 30.005];
const FAR: LonLat = [120.012, 30.005];
const BAND: LonLat = [120.010208, 30.005];
const NEAR: LonLat = [120.010052, 30.005];

const T0 = Date.UTC(2026, 10, 23, 1, 0);
const MIN = 60_000;
const at = (minutes: number): number => T0 + minutes * MIN;

function context(status: OfficerStatus = 'patrolling', teamId = 't1'): GeofenceContext {
  return {
    officers: new Map([['o1', { id: 'o1', teamId, status }]]),
    areasOfTeam: areasByTeam([AREA]),
    rule: geofenceRule(10),
  };
}

const EMPTY: GeofenceState = { watches: new Map(), alerts: new Map() };

/** The state after keeping what a step changed, and every alert seen so far. */
function keep(state: GeofenceState, changes: GeofenceChanges): GeofenceState {
  const watches = new Map(state.watches);
  for (const w of changes.watches) watches.set(w.officerId, w);
  const alerts = new Map(state.alerts);
  for (const a of changes.alerts) alerts.set(a.id, a);
  return { watches, alerts };
}

type Batch = readonly (readonly [number, LonLat])[];
type Tick = readonly ['clock', number];
const isTick = (step: Batch | Tick): step is Tick => step[0] === 'clock';

/** Runs batches of `[minutes, position]` fixes (and clock ticks, as `['clock', minutes]`) in order. */
function run(steps: readonly (Batch | Tick)[], ctx: GeofenceContext = context()): GeofenceState {
  let state = EMPTY;
  for (const step of steps) {
    if (isTick(step)) state = keep(state, watchClock(state, at(step[1]), ctx));
    else {
      const batch = step.map(([m, position]) => ({
        officerId: 'o1',
        position,
        at: at(m),
      }));
      state = keep(state, watchFixes(state, batch, ctx));
    }
  }
  return state;
}

const alertsOf = (state: GeofenceState): GeofenceAlert[] => [...state.alerts.values()];
/** A batch of one fix. */
const fix = (minutes: number, position: LonLat) => [[minutes, position] as const];

describe('placing a fix against the team’s patrol areas', () => {
  const areas = areasByTeam([AREA]).get('t1')!;
  const rule = geofenceRule(10);
  it('is inside within 10 m of an area, outside beyond 30 m, and in the band between', () => {
    expect(placeFix(IN, areas, rule)).toEqual({ kind: 'inside' });
    expect(placeFix(NEAR, areas, rule)).toEqual({ kind: 'inside' });
    const band = placeFix(BAND, areas, rule);
    expect(band.kind).toBe('band');
    expect(band.kind !== 'inside' && band.distanceM).toBeCloseTo(20.0, 1);
    const far = placeFix(FAR, areas, rule);
    expect(far).toMatchObject({ kind: 'outside', areaId: 'area-1' });
    expect(far.kind !== 'inside' && far.distanceM).toBeCloseTo(192.6, 1);
  });
});

describe('a geofence alert', () => {
  it('is raised once a stretch outside lasts longer than the threshold, not at exactly the threshold', () => {
    const exactly = run([fix(0, IN), fix(1, FAR), fix(11, FAR)]);
    expect(alertsOf(exactly)).toEqual([]);
    expect(exactly.watches.get('o1')?.stretch).toMatchObject({ since: at(1), lastAt: at(11) });

    const longer = run([fix(0, IN), fix(1, FAR), [[11 + 1 / 60, FAR]], fix(12, FAR)]);
    const alerts = alertsOf(longer);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: `o1@${at(1)}`,
      officerId: 'o1',
      teamId: 't1',
      areaId: 'area-1',
      since: at(1),
      raisedAt: at(11) + 1_000,
      lastOutsideAt: at(12),
      thresholdMs: 10 * MIN,
      ended: null,
      acknowledged: null,
    });
    expect(alerts[0]?.distanceM).toBeCloseTo(192.6, 1);
    expect(alertDuration(alerts[0]!, at(15))).toBe(14 * MIN);
  });

  it('is not raised by jitter on the boundary, and a stretch ends only well back inside', () => {
    // Five and twenty metres out by turns for half an hour: never outside.
    const jitter = Array.from({ length: 31 }, (_, m) => fix(m, m % 2 === 0 ? NEAR : BAND));
    const still = run(jitter);
    expect(alertsOf(still)).toEqual([]);
    expect(still.watches.get('o1')?.stretch).toBeNull();

    // Twenty metres out, on the street that is the area's edge, for a quarter of an hour: still in.
    const kerb = run([fix(0, IN), ...Array.from({ length: 15 }, (_, m) => fix(m + 1, BAND)), ['clock', 20]]);
    expect(alertsOf(kerb)).toEqual([]);

    // Once well outside, twenty metres out still counts as outside; five metres out is back.
    const out = run([fix(0, FAR), fix(5, BAND), fix(10.5, BAND), fix(12, NEAR)]);
    expect(alertsOf(out)).toHaveLength(1);
    expect(alertsOf(out)[0]).toMatchObject({
      since: at(0),
      raisedAt: at(10.5),
      ended: { kind: 'returned', at: at(12) },
    });
    expect(alertsOf(out)[0]?.maxDistanceM).toBeCloseTo(192.6, 1);
    expect(out.watches.get('o1')?.stretch).toBeNull();
  });

  it('counts a gap in the fixes as outside: the clock raises it, or the fix back inside does', () => {
    const quiet = run([fix(0, IN), fix(2, FAR), ['clock', 12]]);
    expect(alertsOf(quiet)).toEqual([]);
    const ticked = run([fix(0, IN), fix(2, FAR), ['clock', 12], ['clock', 12.5], ['clock', 13]]);
    expect(alertsOf(ticked)).toHaveLength(1);
    expect(alertsOf(ticked)[0]).toMatchObject({ since: at(2), raisedAt: at(12.5), ended: null });

    // No clock ran during the gap (the workstation was closed): the fix back inside finds the stretch
    // lasted 18 minutes, raises the alert and ends it.
    const untimed = run([fix(0, IN), fix(2, FAR), fix(20, IN)]);
    expect(alertsOf(untimed)).toHaveLength(1);
    expect(alertsOf(untimed)[0]).toMatchObject({
      id: `o1@${at(2)}`,
      since: at(2),
      raisedAt: at(20),
      ended: { kind: 'returned', at: at(20) },
    });
    expect(alertDuration(alertsOf(untimed)[0]!, at(60))).toBe(18 * MIN);
  });

  it('judges out-of-order fixes by their times', () => {
    // One buffered batch, in any order.
    const shuffled = run([
      [
        [12, FAR],
        [0, IN],
        [1, FAR],
      ],
    ]);
    expect(alertsOf(shuffled)).toHaveLength(1);
    expect(alertsOf(shuffled)[0]).toMatchObject({ since: at(1), raisedAt: at(12) });

    // A delayed fix from the stretch's start moves it back past the threshold.
    const delayed = run([fix(0, IN), fix(9, FAR), fix(15, FAR)]);
    expect(alertsOf(delayed)).toEqual([]);
    const moved = run([fix(0, IN), fix(9, FAR), fix(15, FAR), fix(3, FAR)]);
    expect(alertsOf(moved)).toHaveLength(1);
    expect(alertsOf(moved)[0]).toMatchObject({ since: at(3), lastOutsideAt: at(15) });

    // A fix outside older than the newest fix inside says nothing about now.
    const stale = run([fix(20, IN), fix(5, FAR), ['clock', 40]]);
    expect(alertsOf(stale)).toEqual([]);
    expect(stale.watches.get('o1')).toEqual({ officerId: 'o1', insideAt: at(20), stretch: null });

    // A delayed fix inside from the middle of a stretch: it starts again at its newest fix outside.
    const cut = run([fix(0, IN), fix(1, FAR), fix(9, FAR), fix(5, IN), fix(15, FAR)]);
    expect(alertsOf(cut)).toEqual([]);
    expect(cut.watches.get('o1')?.stretch).toMatchObject({ since: at(9), lastAt: at(15) });
  });

  it('is a new one when the officer comes back inside and leaves again; the first stays, 已返回', () => {
    const state = run([fix(0, FAR), fix(11, FAR), fix(12, IN), fix(13, FAR), fix(24, FAR)]);
    const [first, second] = alertsOf(state);
    expect(first).toMatchObject({ id: `o1@${at(0)}`, ended: { kind: 'returned', at: at(12) } });
    expect(second).toMatchObject({ id: `o1@${at(13)}`, since: at(13), raisedAt: at(24), ended: null });
    expect(state.alerts.size).toBe(2);
  });

  it('ends when the officer goes off duty, and an off-duty officer is not watched', () => {
    let state = run([fix(0, FAR), fix(11, FAR)]);
    state = keep(state, watchClock(state, at(14), context('off-duty')));
    expect(alertsOf(state)[0]).toMatchObject({ ended: { kind: 'offDuty', at: at(14) } });
    expect(state.watches.get('o1')?.stretch).toBeNull();

    const offDuty = run([fix(0, FAR), fix(30, FAR), ['clock', 60]], context('off-duty'));
    expect(alertsOf(offDuty)).toEqual([]);
  });

  it('watches nobody whose team has no patrol area, and nobody off the roster', () => {
    const noArea = run([fix(0, FAR), fix(30, FAR), ['clock', 60]], context('patrolling', 't9'));
    expect(alertsOf(noArea)).toEqual([]);
    const stranger = watchFixes(EMPTY, [{ officerId: 'o2', position: FAR, at: at(0) }], context());
    expect(stranger).toEqual({ watches: [], alerts: [] });
  });

  it('keeps the clock from raising it twice, and changes nothing while nothing happens', () => {
    const state = run([fix(0, FAR), ['clock', 11]]);
    expect(alertsOf(state)).toHaveLength(1);
    expect(watchClock(state, at(12), context())).toEqual({ watches: [], alerts: [] });
  });

  it('does not keep a watch whose newest fix inside moved less than 30 s, and judges on as before', () => {
    const SEC = 1_000;
    const inside = (seconds: number) => [{ officerId: 'o1', position: IN, at: T0 + seconds * SEC }];
    const first = watchFixes(EMPTY, inside(0), context());
    expect(first.watches).toEqual([{ officerId: 'o1', insideAt: T0, stretch: null }]);
    const state = keep(EMPTY, first);
    expect(watchFixes(state, inside(1), context())).toEqual({ watches: [], alerts: [] });
    expect(watchFixes(state, inside(29), context())).toEqual({ watches: [], alerts: [] });
    expect(watchFixes(state, inside(30), context()).watches).toEqual([
      { officerId: 'o1', insideAt: T0 + 30 * SEC, stretch: null },
    ]);
    // Leaving is kept at once, whatever the newest fix inside kept.
    const out = watchFixes(
      state,
      [...inside(20), { officerId: 'o1', position: FAR, at: T0 + 21 * SEC }],
      context(),
    );
    expect(out.watches).toHaveLength(1);
    expect(out.watches[0]?.stretch?.since).toBe(T0 + 21 * SEC);
    expect(out.watches[0]?.insideAt).toBe(T0 + 20 * SEC);
  });
});
