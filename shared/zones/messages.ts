import { interpolate } from '../schema/issues';

/**
 * What can be wrong with shifts, a roster, a zone plan or an edit to one, as message keys for i18n,
 * each with an English default text here (placeholders `{name}` filled from the issue's params, as in
 * shared/schema/issues.ts). The Chinese texts belong with the UI (renderer/i18n/parts/), which must
 * name every key of {@link ZONE_MESSAGES_EN}.
 */
export const ZONE_MESSAGES_EN = {
  'zones.shift.none': 'No shift is defined',
  'zones.shift.idEmpty': 'Row {row}: the shift has no id',
  'zones.shift.idTaken': 'Row {row}: shift id "{id}" is already used in row {first}',
  'zones.shift.nameEmpty': 'Row {row}: the shift has no name',
  'zones.shift.nameTaken': 'Row {row}: shift name "{name}" is already used in row {first}',
  'zones.shift.time': 'Row {row}: "{value}" is not a time of day HH:MM',
  'zones.shift.weekday': 'Row {row}: weekday {value} is not a whole number 1–7 listed once',
  'zones.shift.noWeekdays': 'Row {row}: the shift runs on no weekday',
  'zones.shift.uncovered':
    'No shift covers weekday {weekday} from {from} to weekday {toWeekday} {to}: nobody would be on duty',
  'zones.roster.date': 'Row {row}: "{value}" is not a date YYYY-MM-DD',
  'zones.roster.unknownShift': 'Row {row}: there is no shift "{shift}"',
  'zones.roster.unknownTeam': 'Row {row}: there is no team "{team}"',
  'zones.roster.unknownOfficer': 'Row {row}: there is no officer "{officer}"',
  'zones.roster.duplicateEntry':
    'Row {row}: team {team} is already rostered for {shift} on {date} in row {first}',
  'zones.roster.shiftNotThatDay': 'Row {row}: shift {shift} does not run on {date}',
  'zones.roster.memberTwice': 'Row {row}: officer {officer} is listed twice',
  'zones.roster.role': 'Row {row}: "{value}" is not a duty role (duty or standby)',
  'zones.roster.doubleBooked':
    'Row {row}: officer {officer} is also rostered in row {other} at the same time',
  'zones.roster.leaderNotMember': 'Row {row}: the leader {officer} is not a member of the shift',
  'zones.roster.leaveOrder': 'Row {row}: the leave ends ({to}) before it starts ({from})',
  'zones.roster.leaveKind': 'Row {row}: "{value}" is not a kind of leave',
  'zones.roster.swapSelf': 'Row {row}: officer {officer} cannot swap with themselves',
  'zones.roster.swapTwice': 'Row {row}: officer {officer} already swapped this duty in row {first}',
  'zones.roster.swapNotRostered': 'Row {row}: officer {officer} is not rostered for {shift} on {date}',
  'zones.roster.swapBusy':
    'Row {row}: the substitute {officer} is already rostered at that time (row {other})',
  'zones.roster.swapOnLeave': 'Row {row}: the substitute {officer} is on leave on {date}',
  'zones.roster.nobodyOnDuty': 'Row {row}: nobody of team {team} is on duty',
  'zones.roster.fewCertified':
    'Row {row}: team {team} has {count} certified officer(s) on duty; enforcement needs two',
  'zones.plan.unassigned': 'Grid {grid} is in no patrol area',
  'zones.plan.unknownGrid': 'Grid {grid} is not a grid of the township',
  'zones.plan.unknownArea': 'Grid {grid} names patrol area "{area}", which the plan does not have',
  'zones.plan.split': 'Patrol area {name} is split into {pieces} pieces',
  'zones.plan.emptyArea': 'Patrol area {name} has no grid',
  'zones.plan.noTeam': 'Patrol area {name} has no team for shift {shift}',
  'zones.plan.unknownTeam': 'Patrol area {name} names team "{team}", which does not exist',
  'zones.plan.teamTwice': 'Team {team} covers both {name} and {other} in shift {shift}',
  'zones.plan.areaId': 'Row {row}: patrol area id "{area}" is empty or already used',
  'zones.plan.areaName': 'Row {row}: patrol area name "{name}" is empty or already used',
  'zones.plan.colour': 'Row {row}: "{value}" is not a colour #rrggbb',
  'zones.edit.unknownArea': 'There is no patrol area "{area}"',
  'zones.edit.areaIdTaken': 'Patrol area id "{area}" is already used',
  'zones.edit.nameEmpty': 'A patrol area needs a name',
  'zones.edit.nameTaken': 'Patrol area name "{name}" is already used',
  'zones.edit.colour': '"{value}" is not a colour #rrggbb',
  'zones.edit.areaNotEmpty': 'Patrol area {name} still has {grids} grids: choose where they go',
  'zones.edit.lastArea': 'The plan must keep at least one patrol area',
  'zones.edit.sameArea': 'The grids of {name} cannot go to the area being deleted',
  'zones.edit.nothing': 'Nothing to change',
  'zones.proposal.coverage': 'The plan does not cover every grid exactly once: fix its coverage first',
  'zones.proposal.noLoad': 'There is no expected workload to balance',
  'zones.workload.weight': 'Matter {matter}: weight {value} is not a number ≥ 0',
} as const satisfies Record<string, string>;

export type ZoneMessageKey = keyof typeof ZONE_MESSAGES_EN;
export type ZoneIssueKey = Extract<
  ZoneMessageKey,
  `zones.shift.${string}` | `zones.roster.${string}` | `zones.plan.${string}` | `zones.workload.${string}`
>;
export type ZoneRefusalKey = Extract<ZoneMessageKey, `zones.edit.${string}` | `zones.proposal.${string}`>;

/** Every key, for the UI's test that both languages have a text for each. */
export const ZONE_MESSAGE_KEYS = Object.keys(ZONE_MESSAGES_EN) as ZoneMessageKey[];

/** The list an issue's row belongs to. */
export type ZoneSection =
  | 'shifts'
  | 'roster.entries'
  | 'roster.leaves'
  | 'roster.swaps'
  | 'plan.areas'
  | 'plan.grids'
  | 'plan.shiftTeams'
  | 'matterWeights';

/**
 * One problem found in shifts, a roster, a plan or matter weights. `row` counts from 1 in its
 * `section` (null for the list as a whole or a record named in params, like a grid code); `field` is
 * the path inside the row, e.g. `members[2].officerId`. Errors refuse saving or activating; warnings
 * are shown and let it through.
 */
export interface ZoneIssue {
  readonly section: ZoneSection;
  readonly row: number | null;
  readonly field: string | null;
  readonly key: ZoneIssueKey;
  readonly severity: 'error' | 'warning';
  readonly params: Readonly<Record<string, string | number>>;
}

/** Why an edit or a proposal was refused: a message key and its params. */
export interface ZoneRefusal {
  readonly key: ZoneRefusalKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The English text of an issue or refusal, placeholders filled. */
export function zoneMessageText(problem: ZoneIssue | ZoneRefusal): string {
  return interpolate(ZONE_MESSAGES_EN[problem.key], problem.params);
}

/** One line for logs and plain lists: `section[row].field: text` (parts absent are left out). */
export function zoneIssueLine(issue: ZoneIssue): string {
  let where: string = issue.section;
  if (issue.row !== null) where += `[${issue.row}]`;
  if (issue.field !== null) where += `.${issue.field}`;
  return `${where}: ${zoneMessageText(issue)}`;
}
