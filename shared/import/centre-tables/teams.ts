/**
 * 执法中队 sheets: name, leader (中队长, by name) and duty phone. A team's leader is an officer, and an
 * officer names a team, so a centre reads the teams first ({@link readTeams}), then the officers
 * against them, then links each team to its leader ({@link linkTeamLeaders}).
 */
import type { Officer, Team } from '../../model/organisation';
import type { ImportTable } from '../table-types';
import { teamId } from './ids';
import { parsePhone } from './phone';
import { error, type TableProblem, type TableRead } from './problems';
import { FirstSeen, prepareTable } from './rows';
import { normaliseWord } from './vocabulary';

/** A team as its sheet gives it: everything but the leader's id, which needs the officers. */
export interface TeamRow {
  readonly row: number;
  readonly team: Omit<Team, 'leaderId'>;
  /** 中队长 as written. */
  readonly leaderName: string;
  /** The header of the leader column, for problems found when linking. */
  readonly leaderColumn: string;
}

/**
 * Reads a teams sheet. Problems: a missing name, leader or phone; a bad phone; a team name already on
 * an earlier row. The id derives from the name (ids.ts).
 */
export function readTeams(table: ImportTable): TableRead<TeamRow> {
  const prepared = prepareTable('teams', table);
  const problems: TableProblem[] = [...prepared.problems];
  const names = new FirstSeen();
  const rows: TeamRow[] = [];
  for (const cells of prepared.rows) {
    const before = problems.length;
    for (const key of ['name', 'leader', 'phone']) {
      if (cells.text(key) === '') problems.push(cells.error('centreTables.missingValue', key));
    }
    const phone = cells.text('phone') === '' ? null : parsePhone(cells.text('phone'));
    if (cells.text('phone') !== '' && phone === null)
      problems.push(cells.error('centreTables.badPhone', 'phone'));
    if (problems.length > before || phone === null) continue;
    const name = cells.text('name');
    const first = names.check(normaliseWord(name), cells.row);
    if (first !== null) {
      problems.push(cells.error('centreTables.duplicateName', 'name', { firstRow: first }));
      continue;
    }
    rows.push({
      row: cells.row,
      team: { id: teamId(name), name, phone },
      leaderName: cells.text('leader'),
      leaderColumn: cells.header('leader'),
    });
  }
  return { rows, problems };
}

/**
 * The teams with their leaders: the one officer of the team with the leader's name. Problems, naming
 * the teams file, row and leader column: no officer of that team has the name (`unknownLeader`), or
 * several do (`ambiguousLeader`); such a team is left out.
 */
export function linkTeamLeaders(
  file: string,
  teams: readonly TeamRow[],
  officers: readonly Pick<Officer, 'id' | 'name' | 'teamId'>[],
): TableRead<{ readonly row: number; readonly team: Team }> {
  const problems: TableProblem[] = [];
  const rows: { row: number; team: Team }[] = [];
  for (const { row, team, leaderName, leaderColumn } of teams) {
    const word = normaliseWord(leaderName);
    const matches = officers.filter((o) => o.teamId === team.id && normaliseWord(o.name) === word);
    const at = { file, row, column: leaderColumn, value: leaderName, team: team.name };
    if (matches.length === 1 && matches[0] !== undefined) {
      rows.push({ row, team: { ...team, leaderId: matches[0].id } });
    } else {
      problems.push(
        error(matches.length === 0 ? 'centreTables.unknownLeader' : 'centreTables.ambiguousLeader', at),
      );
    }
  }
  return { rows, problems };
}
