/**
 * 执法人员 sheets: name, 执法证号 (or 辅助人员 for an officer without one), team, phone and the id of
 * the phone or terminal the officer carries (终端编号), which the GPS feed reports positions by.
 */
import type { Officer, Team } from '../../model/organisation';
import type { ImportTable } from '../table-types';
import { auxiliaryOfficerId, certifiedOfficerId } from './ids';
import { parsePhone } from './phone';
import type { TableProblem, TableRead } from './problems';
import { FirstSeen, prepareTable } from './rows';
import { isAuxiliaryMark, normaliseWord } from './vocabulary';

/** One officer read from a sheet; its 终端编号, when the cell has one, is `officer.deviceId`. */
export interface OfficerRow {
  readonly row: number;
  readonly officer: Officer;
}

export interface OfficerContext {
  /** The centre's teams (read from its teams sheet first); an officer's team is named by name or id. */
  readonly teams: readonly Pick<Team, 'id' | 'name'>[];
}

/** Index of teams by their normalised name and id. */
export function teamLookup(teams: readonly Pick<Team, 'id' | 'name'>[]): (text: string) => string | null {
  const byWord = new Map<string, string>();
  for (const team of teams) {
    byWord.set(normaliseWord(team.id), team.id);
    byWord.set(normaliseWord(team.name), team.id);
  }
  return (text) => byWord.get(normaliseWord(text)) ?? null;
}

/**
 * Reads an officers sheet. A certificate cell holding a number makes a certified officer, one saying
 * 辅助人员 (协管员, 编外, 无, `-`…) an auxiliary one; an empty cell is a missing value, because the
 * difference decides who may sign a penalty. Every officer starts `off-duty` with no position: the
 * phones have not reported yet. Problems (each naming file, row and column): a missing name,
 * certificate, team or phone; a team not among `ctx.teams`; a phone that is not a mobile or landline;
 * a certificate number, a name with the same phone, or a device id already on an earlier row. Ids: see
 * ids.ts (the certificate number, or name and phone for auxiliary staff).
 */
export function readOfficers(table: ImportTable, ctx: OfficerContext): TableRead<OfficerRow> {
  const prepared = prepareTable('officers', table);
  const problems: TableProblem[] = [...prepared.problems];
  const team = teamLookup(ctx.teams);
  const certificates = new FirstSeen();
  const people = new FirstSeen();
  const devices = new FirstSeen();
  const rows: OfficerRow[] = [];
  for (const cells of prepared.rows) {
    const before = problems.length;
    for (const key of ['name', 'certificateNo', 'team', 'phone']) {
      if (cells.text(key) === '') problems.push(cells.error('centreTables.missingValue', key));
    }
    const name = cells.text('name');
    const certificate = cells.text('certificateNo').normalize('NFKC').replace(/\s+/g, '');
    const teamText = cells.text('team');
    const teamId = teamText === '' ? null : team(teamText);
    if (teamText !== '' && teamId === null) problems.push(cells.error('centreTables.unknownTeam', 'team'));
    const phoneText = cells.text('phone');
    const phone = phoneText === '' ? null : parsePhone(phoneText);
    if (phoneText !== '' && phone === null) problems.push(cells.error('centreTables.badPhone', 'phone'));
    const deviceId = cells.text('deviceId') === '' ? null : cells.text('deviceId');
    if (problems.length > before || teamId === null || phone === null) continue;
    const auxiliary = isAuxiliaryMark(certificate);
    if (!auxiliary) {
      const first = certificates.check(normaliseWord(certificate), cells.row);
      if (first !== null) {
        problems.push(cells.error('centreTables.duplicateCertificate', 'certificateNo', { firstRow: first }));
        continue;
      }
    }
    const firstPerson = people.check(`${normaliseWord(name)}|${phone}`, cells.row);
    if (firstPerson !== null) {
      problems.push(
        cells.error('centreTables.duplicatePerson', undefined, { name, phone, firstRow: firstPerson }),
      );
      continue;
    }
    if (deviceId !== null) {
      const firstDevice = devices.check(normaliseWord(deviceId), cells.row);
      if (firstDevice !== null) {
        problems.push(cells.error('centreTables.duplicateDevice', 'deviceId', { firstRow: firstDevice }));
        continue;
      }
    }
    const base = {
      name,
      teamId,
      phone,
      status: 'off-duty' as const,
      ...(deviceId === null ? {} : { deviceId }),
    };
    const officer: Officer = auxiliary
      ? { id: auxiliaryOfficerId(name, phone), ...base, kind: 'auxiliary' }
      : { id: certifiedOfficerId(certificate), ...base, kind: 'certified', certificateNo: certificate };
    rows.push({ row: cells.row, officer });
  }
  return { rows, problems };
}
