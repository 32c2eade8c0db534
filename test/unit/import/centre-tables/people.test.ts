// Teams, grid workers and departments sheets: every problem the readers name on hand-made sheets,
// and the phone spellings a Chinese sheet holds.
import { describe, expect, it } from 'vitest';
import {
  linkTeamLeaders,
  parsePhone,
  readDepartments,
  readGridWorkers,
  readTeams,
} from '../../../../shared/import/centre-tables';
import { problemText, sheet, where } from './support';

describe('teams sheets', () => {
  it('names missing values, bad phones, repeated names, and leaders not among the officers', () => {
    const read = readTeams(
      sheet('中队.xlsx', [
        ['中队名称', '队长', '电话'],
        ['第一中队', '陈建国', '0523-83211001'],
        ['第二中队', null, '0523-83211002'],
        ['第三中队', '王磊', '83211'],
        ['第一中队', '刘晓燕', '0523-83211004'],
        ['第四中队', '李四', '13852610009'],
        ['第五中队', '张三', '13852610010'],
      ]),
    );
    expect(where(read.problems)).toEqual([
      'missingValue@3:队长',
      'badPhone@4:电话',
      'duplicateName@5:中队名称',
    ]);
    const [one, four, five] = read.rows.map((r) => r.team.id);
    const linked = linkTeamLeaders('中队.xlsx', read.rows, [
      { id: 'o1', name: '陈建国', teamId: one! },
      { id: 'o2', name: '李四', teamId: one! },
      { id: 'o3', name: '张三', teamId: five! },
      { id: 'o4', name: '张三', teamId: five! },
    ]);
    expect(four).toBeDefined();
    expect(linked.rows.map((r) => [r.team.name, r.team.leaderId])).toEqual([['第一中队', 'o1']]);
    expect(linked.problems.map((p) => problemText(p))).toEqual([
      '中队.xlsx 第 6 行：第四中队的“队长”“李四”不在本中队的人员中',
      '中队.xlsx 第 7 行：第五中队有多名人员叫“张三”，无法确定“队长”',
    ]);
  });
});

describe('grid workers sheets', () => {
  it('names missing values, bad phones, bad grid codes and repeated people', () => {
    const read = readGridWorkers(
      sheet('网格员.xlsx', [
        ['序号', '网格员姓名', '手机号码', '负责网格'],
        [1, '王芳', 13712345678, '321281105001001；321281105001002'],
        [2, '赵敏', null, null],
        [3, '钱多', 13712345679, '3212811050010'],
        [4, '王芳', '137 1234 5678', null],
      ]),
    );
    expect(where(read.problems)).toEqual([
      'missingValue@3:手机号码',
      'badGridCode@4:负责网格',
      'duplicatePerson@5',
    ]);
    expect(problemText(read.problems[1]!)).toBe(
      '网格员.xlsx 第 4 行：“负责网格”中的“3212811050010”不是有效的网格编码',
    );
    expect(read.rows.map((r) => [r.gridWorker.name, r.gridWorker.phone, r.gridCodes])).toEqual([
      ['王芳', '13712345678', ['321281105001001', '321281105001002']],
    ]);
  });
});

describe('departments sheets', () => {
  it('names missing names, bad phones, and names or short names used twice', () => {
    const read = readDepartments(
      sheet('部门.xlsx', [
        ['单位名称', '简称', '值班电话'],
        ['兴化市水务局', '水务局', '0523-83230000'],
        [null, '民政局', null],
        ['兴化市民政局', '民政局', '电话待定'],
        ['兴化市水务局', null, null],
        ['兴化市水利局', '水务局', null],
      ]),
    );
    expect(where(read.problems)).toEqual([
      'missingValue@3:单位名称',
      'badPhone@4:值班电话',
      'duplicateName@5:单位名称',
      'duplicateName@6:简称',
    ]);
    expect(read.rows.map((r) => r.department.id)).toEqual([read.rows[0]?.department.id]);
    expect(read.rows[0]?.department.id).toMatch(/^dept-[0-9a-z]{11}$/);
  });
});

describe('phone numbers', () => {
  it('reads mobiles, landlines with or without area code, extensions and service lines', () => {
    expect(
      [
        '13812345678',
        '138 1234 5678',
        '+86 138-1234-5678',
        '008613812345678',
        '0523-83212345',
        '(0523) 8321 2345',
        '０５２３－８３２１２３４５',
        '010-12345678',
        '010 1234 5678转801',
        '83212345',
        '12319',
        '+86 523 8321 2345',
      ].map(parsePhone),
    ).toEqual([
      '13812345678',
      '13812345678',
      '13812345678',
      '13812345678',
      '0523-83212345',
      '0523-83212345',
      '0523-83212345',
      '010-12345678',
      '010-12345678-801',
      '83212345',
      '12319',
      '0523-83212345',
    ]);
  });

  it('refuses what is not a phone number', () => {
    expect(
      [
        '1381234567',
        '138123456789',
        '12812345678',
        '5238321234',
        'N/A',
        '电话待定',
        '138-1234-5678转1',
        '+1 650 555 0100',
      ].map(parsePhone),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });
});
