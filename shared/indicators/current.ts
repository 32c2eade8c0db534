/**
 * 当前超期 and 临近超期: the one definition of "overdue now". The wall's 超期 tile and team rows and the
 * indicators' 当前超期 column all count with {@link currentAlarms}, so they agree whatever period the
 * indicators cover: overdue is a state of the open cases now, not a figure of a period.
 */
import type { CaseClocks } from '../cases/time-limits';
import { computeClocks } from './case-facts';
import { isOpenStage, type LoopStage } from '../model/case';
import type { IndicatorCase, IndicatorCaseInfo, IndicatorOptions } from './types';

/** What an open case's running clock says now: past its limit, close to it, or neither (null). */
export type CurrentAlarm = 'overdue' | 'near' | null;

/**
 * The alarm of one case now. Only an open case (in the loop, not yet closed: 上报 … 核查) can be
 * overdue or near; a closed, evaluated, rejected, voided or merged case never is, whatever its last
 * clock said. `clocks` are the case's clocks at `now` (`caseClocks`); null (unknown matter) means no
 * alarm.
 */
export function currentAlarm(stage: IndicatorCaseInfo['stage'], clocks: CaseClocks | null): CurrentAlarm {
  if (!isOpenStage(stage as LoopStage)) return null;
  const status = clocks?.current?.status;
  return status === 'overdue' || status === 'near' ? status : null;
}

export interface AlarmCounts {
  /** Open cases. */
  readonly open: number;
  /** Open cases whose running clock is past its limit now (当前超期). */
  readonly overdue: number;
  /** Open cases whose running clock is near its limit now (临近超期). */
  readonly near: number;
}

export interface CurrentAlarms extends AlarmCounts {
  /** Ids of the overdue cases, in the order given. */
  readonly overdueIds: readonly string[];
  /** The same counts per team id, for the teams with an open case. */
  readonly byTeam: ReadonlyMap<string, AlarmCounts>;
}

/** A case and its clocks at `now`, already computed (null: unknown matter). */
export interface ClockedCase {
  readonly case: IndicatorCaseInfo;
  readonly clocks: CaseClocks | null;
}

/** Counts open, overdue and near cases, overall and per team, from cases whose clocks are known. */
export function tallyAlarms(cases: Iterable<ClockedCase>): CurrentAlarms {
  const overdueIds: string[] = [];
  const byTeam = new Map<string, { open: number; overdue: number; near: number }>();
  let open = 0;
  let near = 0;
  for (const { case: kase, clocks } of cases) {
    if (!isOpenStage(kase.stage as LoopStage)) continue;
    let team = byTeam.get(kase.teamId);
    if (team === undefined) {
      team = { open: 0, overdue: 0, near: 0 };
      byTeam.set(kase.teamId, team);
    }
    open++;
    team.open++;
    const alarm = currentAlarm(kase.stage, clocks);
    if (alarm === 'overdue') {
      overdueIds.push(kase.id);
      team.overdue++;
    } else if (alarm === 'near') {
      near++;
      team.near++;
    }
  }
  return { open, overdue: overdueIds.length, near, overdueIds, byTeam };
}

/**
 * 当前超期 and 临近超期 at `options.now` over every open case in `cases` (closed and terminal ones are
 * skipped without computing their clocks). Give it every open case of the township, however long ago
 * it was reported: that is the wall's 超期 and the indicators' 当前超期 alike.
 */
export function currentAlarms(cases: readonly IndicatorCase[], options: IndicatorOptions): CurrentAlarms {
  const clocked: ClockedCase[] = [];
  for (const item of cases) {
    if (isOpenStage(item.case.stage as LoopStage)) {
      clocked.push({ case: item.case, clocks: item.clocks ?? computeClocks(item, options) });
    }
  }
  return tallyAlarms(clocked);
}
