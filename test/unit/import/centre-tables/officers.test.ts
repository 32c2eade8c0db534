// Officers sheets: one made by another tool (GDAL's XLSX driver, with headers as a county office
// writes them), and every problem the reader names on hand-made sheets.
import { describe, expect, it } from 'vitest';
import { ids, readOfficers, readTeams, linkTeamLeaders } from '../../../../shared/import/centre-tables';
import { officerSchema } from '../../../../shared/schema/entities';
import { csv, expectNoErrors, fixture, problemText, sheet, table, where } from './support';

const TEAMS = [
  { id: 'team-1', name: '第一中队' },
  { id: 'team-2', name: '第二中队' },
];
const HEADER = ['姓名', '执法证号', '中队', '电话', '终端编号'];

describe('an officers workbook written by ogr2ogr', () => {
  const teams = readTeams(table('teams-gbk.csv', fixture('teams-gbk.csv')));
  const officers = readOfficers(table('officers-ogr.xlsx', fixture('officers-ogr.xlsx')), {
    teams: teams.rows.map((r) => r.team),
  });

  it('reads the teams from a GBK CSV, phones in one spelling', () => {
    expect(teams.problems).toEqual([]);
    expect(teams.rows.map((r) => [r.team.name, r.leaderName, r.team.phone])).toEqual([
      ['第一中队', '陈建国', '0523-83211001'],
      ['第二中队', '郑志强', '0523-83211002'],
    ]);
  });

  it('reads every officer with Chinese names, kinds, teams, phones and device ids', () => {
    expectNoErrors(officers.problems);
    expect(officers.problems).toEqual([]);
    const team = (name: string) => teams.rows.find((r) => r.team.name === name)?.team.id;
    expect(
      officers.rows.map((r) => [
        r.row,
        r.officer.name,
        r.officer.kind === 'certified' ? r.officer.certificateNo : '辅助',
        r.officer.teamId,
        r.officer.phone,
        r.officer.deviceId ?? null,
      ]),
    ).toEqual([
      [2, '陈建国', '苏32128110500001', team('第一中队'), '13852610001', '861234050000011'],
      [3, '刘晓燕', '苏32128110500002', team('第一中队'), '13852610002', '861234050000029'],
      [4, '周海波', '辅助', team('第一中队'), '13952610003', '861234050000037'],
      [5, '吴秀英', '辅助', team('第二中队'), '13952610004', null],
      [6, '郑志强', '苏32128110500005', team('第二中队'), '13852610005', '861234050000052'],
      [7, '王磊', '苏32128110500006', team('第二中队'), '13852610006', '861234050000060'],
    ]);
    for (const r of officers.rows) {
      expect(officerSchema.parse(r.officer)).toEqual(r.officer);
      expect(r.officer.status).toBe('off-duty');
    }
  });

  it('links each team to its leader among its officers', () => {
    const linked = linkTeamLeaders(
      'teams-gbk.csv',
      teams.rows,
      officers.rows.map((r) => r.officer),
    );
    expect(linked.problems).toEqual([]);
    const byId = new Map(officers.rows.map((r) => [r.officer.id, r.officer.name]));
    expect(linked.rows.map((r) => byId.get(r.team.leaderId))).toEqual(['陈建国', '郑志强']);
  });

  it('gives the same ids however the rows are ordered: certificate, or name and phone', () => {
    const certified = officers.rows[0]!.officer;
    const auxiliary = officers.rows[2]!.officer;
    expect(certified.id).toBe(ids.certifiedOfficerId('苏32128110500001'));
    expect(auxiliary.id).toBe(ids.auxiliaryOfficerId('周海波', '13952610003'));
    expect(certified.id).toMatch(/^officer-[0-9a-z]{11}$/);
    const reversed = readOfficers(
      sheet('反序.xlsx', [
        HEADER,
        ['周海波', '协管员', '第一中队', '139 5261 0003', null],
        ['陈建国', '苏32128110500001', '第二中队', '13800000000', null],
      ]),
      { teams: TEAMS },
    );
    expect(reversed.rows.map((r) => r.officer.id)).toEqual([auxiliary.id, certified.id]);
    expect(new Set(officers.rows.map((r) => r.officer.id)).size).toBe(officers.rows.length);
  });
});

describe('problems on an officers sheet', () => {
  it('names every problem by file, row and column', () => {
    const read = readOfficers(
      sheet('人员.xlsx', [
        HEADER,
        ['张伟', '苏001', '第一中队', '13812345678', 'D-1'],
        ['', '苏002', '第一中队', '13812345679', null],
        ['李娜', null, '第一中队', '13812345680', null],
        ['王芳', '苏003', '第三中队', '13812345681', null],
        ['赵强', '苏004', '第一中队', '1381234', null],
        ['孙丽', '苏001', '第二中队', '13812345682', null],
        ['张伟', '辅助人员', '第二中队', '138-1234-5678', null],
        ['钱程', '苏005', '第二中队', '13812345683', 'D-1'],
        ['【示例】周杰', '苏006', '第一中队', '13812345684', null],
      ]),
      { teams: TEAMS },
    );
    expect(where(read.problems)).toEqual([
      'exampleRow@10',
      'missingValue@3:姓名',
      'missingValue@4:执法证号',
      'unknownTeam@5:中队',
      'badPhone@6:电话',
      'duplicateCertificate@7:执法证号',
      'duplicatePerson@8',
      'duplicateDevice@9:终端编号',
    ]);
    expect(read.rows.map((r) => r.row)).toEqual([2]);
    expect(read.problems.map((p) => problemText(p))).toEqual([
      '人员.xlsx 第 10 行是模板示例，不会导入',
      '人员.xlsx 第 3 行：“姓名”为空',
      '人员.xlsx 第 4 行：“执法证号”为空',
      '人员.xlsx 第 5 行：“中队”的值“第三中队”不是已有的中队',
      '人员.xlsx 第 6 行：“电话”的值“1381234”不是有效的电话号码',
      '人员.xlsx 第 7 行：执法证号“苏001”与第 2 行重复',
      '人员.xlsx 第 8 行：张伟（13812345678）与第 2 行重复',
      '人员.xlsx 第 9 行：终端编号“D-1”已由第 2 行的人员使用',
    ]);
  });

  it('reads header variants and CSV alike, and says which column it does not import', () => {
    const read = readOfficers(
      csv('officers.csv', [
        ['No.', 'Name', 'Certificate No.', 'Team', 'Mobile', 'IMEI', 'Rank'],
        ['1', '张伟', '苏001', 'team-2', '+86 138 1234 5678', '8612340', '队员'],
      ]),
      { teams: TEAMS },
    );
    expect(where(read.problems)).toEqual(['unusedColumn:Rank']);
    expect(problemText(read.problems[0]!, 'en')).toBe('The "Rank" column of officers.csv is not imported');
    expect(read.rows[0]?.officer).toMatchObject({
      name: '张伟',
      teamId: 'team-2',
      phone: '13812345678',
      kind: 'certified',
    });
    expect(read.rows[0]?.officer.deviceId).toBe('8612340');
  });

  it('refuses a sheet without a required column, naming it in the language of its headers', () => {
    const zh = readOfficers(
      sheet('缺列.xlsx', [
        ['姓名', '中队', '电话'],
        ['张伟', '第一中队', '13812345678'],
      ]),
      { teams: TEAMS },
    );
    expect(zh.rows).toEqual([]);
    expect(zh.problems.map((p) => problemText(p))).toEqual(['缺列.xlsx 缺少“执法证号”列']);
    const en = readOfficers(
      sheet('short.xlsx', [
        ['Name', 'Phone'],
        ['Zhang', '13812345678'],
      ]),
      { teams: TEAMS },
    );
    expect(en.problems.map((p) => problemText(p, 'en'))).toEqual([
      'short.xlsx has no "Certificate no." column',
      'short.xlsx has no "Team" column',
    ]);
  });

  it('says a sheet with a header and no rows has no data', () => {
    const read = readOfficers(sheet('空.xlsx', [HEADER]), { teams: TEAMS });
    expect(where(read.problems)).toEqual(['noRows']);
  });
});
