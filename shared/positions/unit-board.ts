/**
 * 执法力量 board: the officers grouped by team with their unit status (unit-status.ts), filtered by team
 * and by status, and how many are in each status. Pure: the board component renders what this returns.
 */
import type { Officer, Team } from '../model/organisation';
import { UNIT_STATUSES, type UnitState, type UnitStatus } from './unit-status';

export interface UnitBoardFilter {
  /** Only this team's officers; null: every team. */
  readonly teamId: string | null;
  /** Only officers in this status; null: any. */
  readonly status: UnitStatus | null;
}

export interface UnitBoardRow {
  readonly officer: Officer;
  readonly state: UnitState;
}

export interface UnitBoardGroup {
  readonly teamId: string;
  /** The team as the roster names it; undefined for a team id the roster does not hold. */
  readonly team: Team | undefined;
  readonly rows: readonly UnitBoardRow[];
}

export interface UnitBoard {
  /**
   * Officers per status among those the team filter keeps (the status filter does not change them,
   * so the counts stay readable while one status is shown).
   */
  readonly counts: Readonly<Record<UnitStatus, number>>;
  /** Officers the team filter keeps. */
  readonly total: number;
  /** Teams in roster order, each with its officers the filters keep; teams left empty are dropped. */
  readonly groups: readonly UnitBoardGroup[];
}

const STATUS_RANK = new Map(UNIT_STATUSES.map((s, i) => [s, i]));

/**
 * The board for `filter`. Inside a team, officers are in status order (空闲, 处置中, 离线, 未在岗: those
 * who can be sent first), then by name. An officer without a state (not yet derived) is left out.
 */
export function unitBoard(
  officers: readonly Officer[],
  teams: readonly Team[],
  states: ReadonlyMap<string, UnitState>,
  filter: UnitBoardFilter,
): UnitBoard {
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  const byTeam = new Map<string, UnitBoardRow[]>();
  let total = 0;
  for (const officer of officers) {
    if (filter.teamId !== null && officer.teamId !== filter.teamId) continue;
    const state = states.get(officer.id);
    if (state === undefined) continue;
    total += 1;
    counts[state.status] += 1;
    if (filter.status !== null && state.status !== filter.status) continue;
    const rows = byTeam.get(officer.teamId);
    if (rows === undefined) byTeam.set(officer.teamId, [{ officer, state }]);
    else rows.push({ officer, state });
  }
  const order = [
    ...teams.map((t) => t.id),
    ...[...byTeam.keys()].filter((id) => !teams.some((t) => t.id === id)),
  ];
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const groups = order.flatMap((teamId): UnitBoardGroup[] => {
    const rows = byTeam.get(teamId);
    if (rows === undefined) return [];
    rows.sort(
      (a, b) =>
        (STATUS_RANK.get(a.state.status) ?? 0) - (STATUS_RANK.get(b.state.status) ?? 0) ||
        a.officer.name.localeCompare(b.officer.name, 'zh-CN') ||
        a.officer.id.localeCompare(b.officer.id),
    );
    return [{ teamId, team: teamById.get(teamId), rows }];
  });
  return { counts, total, groups };
}
