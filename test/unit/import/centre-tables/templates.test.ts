// The downloadable templates: what a township downloads, fills in and imports again.
import { describe, expect, it } from 'vitest';
import {
  CENTRE_TABLE_KINDS,
  TABLE_COLUMNS,
  catalogueXlsx,
  readDepartments,
  readGridWorkers,
  readMatters,
  readOfficers,
  readTeams,
  linkTeamLeaders,
  sampleCatalogueSource,
  templateXlsx,
  type CentreTableKind,
} from '../../../../shared/import/centre-tables';
import { readImportFile } from '../../../../shared/import/table';
import { writeXlsx } from '../../../../shared/import/xlsx-write';
import {
  departmentSchema,
  gridWorkerSchema,
  matterSchema,
  officerSchema,
  teamSchema,
} from '../../../../shared/schema/entities';
import { SAMPLE_DEPARTMENTS } from '../../../../shared/sample/departments';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gdalTest, hasOgr, withTempDir } from '../../export/geo/support';
import { expectNoErrors, problemText, sheetRows, table, texts, where } from './support';

const READ = {
  officers: (t: Parameters<typeof readOfficers>[0]) =>
    readOfficers(t, { teams: [{ id: 'team-x', name: '第一中队' }] }),
  teams: readTeams,
  gridWorkers: readGridWorkers,
  matters: (t: Parameters<typeof readMatters>[0]) => readMatters(t, { departments: SAMPLE_DEPARTMENTS }),
  departments: readDepartments,
} satisfies Record<CentreTableKind, unknown>;

/** The template's data sheet with `rows` in place of its examples, written again with the app's writer. */
function filled(template: Uint8Array, rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const [header] = sheetRows(template, 1);
  return writeXlsx([header ?? [], ...rows]);
}

describe('the templates', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const kind of CENTRE_TABLE_KINDS) {
      it(`${kind} (${lang}): the header row, then example rows, then a notes sheet explaining every column`, () => {
        const bytes = templateXlsx(kind, lang, texts(lang));
        const [header, ...examples] = sheetRows(bytes, 1);
        expect(header).toEqual(TABLE_COLUMNS[kind].map((c) => c.header[lang]));
        expect(examples.length).toBeGreaterThanOrEqual(1);
        for (const row of examples) expect(row[0]).toMatch(lang === 'zh-CN' ? /^【示例】/ : /^\[Example\] /);
        const [notesHeader, ...notes] = sheetRows(bytes, 2);
        expect(notesHeader).toEqual(
          lang === 'zh-CN'
            ? ['列名', '含义', '是否必填', '可填的值']
            : ['Column', 'Meaning', 'Required', 'Allowed values'],
        );
        for (const column of TABLE_COLUMNS[kind]) {
          const line = notes.find((n) => n[0] === column.header[lang]);
          expect(line, column.key).toBeDefined();
          expect(
            line?.slice(1).every((cell) => cell.length > 0 && !/[{}]/.test(cell)),
            column.key,
          ).toBe(true);
        }
      });

      it(`${kind} (${lang}): importing the untouched template says so and imports nothing`, () => {
        const name = `${kind}-template.xlsx`;
        const read = READ[kind](table(name, templateXlsx(kind, lang, texts(lang))));
        expect(read.rows).toEqual([]);
        expect(where(read.problems)).toEqual(['onlyExamples']);
        expect(problemText(read.problems[0]!)).toMatch(new RegExp(`^${name} 只有模板中的 \\d 行示例`));
      });
    }
  }

  it('lists the domains and the powers by their Chinese names in the matters notes', () => {
    const notes = sheetRows(templateXlsx('matters', 'zh-CN', texts('zh-CN')), 2);
    const domain = notes.find((n) => n[0] === '执法领域');
    expect(domain?.[2]).toBe('必填');
    expect(domain?.[3]).toBe(
      '城市管理、市场监管、规划建设、生态环境、农业农村、应急管理、水利、卫生健康、文化旅游、交通运输、自然资源、民政',
    );
    expect(notes.find((n) => n[0] === '权限')?.[3]).toBe('法定、赋权、委托、县级部门');
    expect(notes.find((n) => n[0] === '县级部门')?.[2]).toBe('视情况必填');
    expect(notes.find((n) => n[0] === '执法证号')).toBeUndefined();
    const officers = sheetRows(templateXlsx('officers', 'zh-CN', texts('zh-CN')), 2);
    expect(officers.find((n) => n[0] === '执法证号')?.[3]).toBe('执法证号，或“辅助人员”');
    expect(officers.flat().join('')).toContain('以“【示例】”开头的行是示例');
  });
});

describe('a filled-in template read back', () => {
  it('officers: the rows become officers in the stored shape, with their device ids', () => {
    const template = templateXlsx('officers', 'zh-CN', texts('zh-CN'));
    const bytes = filled(template, [
      ['陈建国', '苏32128110500001', '第一中队', '13852610001', '861234050000011'],
      ['周海波', '辅助人员', '第一中队', '13952610003', null],
    ]);
    const read = READ.officers(table('人员.xlsx', bytes));
    expect(read.problems).toEqual([]);
    expect(
      read.rows.map((r) => [
        r.row,
        r.officer.name,
        r.officer.kind,
        r.officer.teamId,
        r.officer.deviceId ?? null,
      ]),
    ).toEqual([
      [2, '陈建国', 'certified', 'team-x', '861234050000011'],
      [3, '周海波', 'auxiliary', 'team-x', null],
    ]);
    for (const r of read.rows) expect(officerSchema.parse(r.officer)).toEqual(r.officer);
  });

  it('teams, grid workers and departments: stored shapes, leaders linked to officers', () => {
    const teams = readTeams(
      table(
        '中队.xlsx',
        filled(templateXlsx('teams', 'zh-CN', texts('zh-CN')), [['第一中队', '陈建国', '0523-83211001']]),
      ),
    );
    expectNoErrors(teams.problems);
    const officers = readOfficers(
      table(
        '人员.xlsx',
        filled(templateXlsx('officers', 'zh-CN', texts('zh-CN')), [
          ['陈建国', '苏001', '第一中队', '13852610001', null],
        ]),
      ),
      { teams: teams.rows.map((r) => r.team) },
    );
    const linked = linkTeamLeaders(
      '中队.xlsx',
      teams.rows,
      officers.rows.map((r) => r.officer),
    );
    expect(linked.problems).toEqual([]);
    expect(linked.rows[0]?.team).toEqual({
      id: teams.rows[0]?.team.id,
      name: '第一中队',
      leaderId: officers.rows[0]?.officer.id,
      phone: '0523-83211001',
    });
    expect(teamSchema.parse(linked.rows[0]?.team)).toEqual(linked.rows[0]?.team);

    const workers = readGridWorkers(
      table(
        '网格员.xlsx',
        filled(templateXlsx('gridWorkers', 'en', texts('en')), [
          ['王芳', '13712345678', '321281105001001, 321281105001002'],
        ]),
      ),
    );
    expect(workers.problems).toEqual([]);
    expect(workers.rows[0]?.gridCodes).toEqual(['321281105001001', '321281105001002']);
    expect(gridWorkerSchema.parse(workers.rows[0]?.gridWorker)).toEqual(workers.rows[0]?.gridWorker);

    const departments = readDepartments(
      table(
        '部门.xlsx',
        filled(templateXlsx('departments', 'zh-CN', texts('zh-CN')), [
          ['兴化市水务局', '水务局', '0523-83230000'],
          ['兴化市民政局', null, null],
        ]),
      ),
    );
    expect(departments.problems).toEqual([]);
    expect(
      departments.rows.map((r) => [r.department.name, r.department.shortName, r.department.phone]),
    ).toEqual([
      ['兴化市水务局', '水务局', '0523-83230000'],
      ['兴化市民政局', '兴化市民政局', ''],
    ]);
    for (const r of departments.rows) expect(departmentSchema.parse(r.department)).toEqual(r.department);
  });

  it('matters: township and department powers, limits in working hours', () => {
    const bytes = filled(templateXlsx('matters', 'en', texts('en')), [
      [
        'CG-101',
        '对占道经营的行政处罚',
        'Urban management',
        '《条例》第一条',
        'Granted',
        null,
        1,
        1,
        8,
        4,
        'Yes',
      ],
      [
        'SW-101',
        '对河道采砂的行政处罚',
        '水务',
        '《水法》第七十二条',
        'County department',
        '水务局',
        null,
        null,
        null,
        null,
        'No',
      ],
    ]);
    const read = READ.matters(table('matters.xlsx', bytes));
    expect(where(read.problems)).toEqual(['defaultLimits@3']);
    expect(read.rows.map((r) => r.matter)).toEqual([
      {
        code: 'CG-101',
        name: '对占道经营的行政处罚',
        domain: 'urban-management',
        legalBasis: '《条例》第一条',
        authority: { kind: 'township', basis: 'granted' },
        limits: { register: 1, dispatch: 1, handle: 8, verify: 4 },
        needsCertified: true,
      },
      {
        code: 'SW-101',
        name: '对河道采砂的行政处罚',
        domain: 'water-resources',
        legalBasis: '《水法》第七十二条',
        authority: { kind: 'department', departmentId: 'dept-sw' },
        limits: { register: 2, dispatch: 2, handle: 40, verify: 8 },
        needsCertified: false,
      },
    ]);
    for (const r of read.rows) expect(matterSchema.parse(r.matter)).toEqual(r.matter);
  });
});

describe('the sample catalogue as a starting point', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`reads back as the built-in power list, matter for matter (${lang})`, () => {
      const source = sampleCatalogueSource();
      const result = readImportFile('catalogue.xlsx', catalogueXlsx(lang, texts(lang)));
      if (!result.ok) throw new Error(result.key);
      expect(result.table.rows).toHaveLength(source.matters.length);
      const read = readMatters(result.table, { departments: source.departments });
      expect(read.problems).toEqual([]);
      expect(read.rows.map((r) => r.matter)).toEqual(source.matters);
    });
  }

  it('names each county department by its short name', () => {
    const rows = sheetRows(catalogueXlsx('zh-CN', texts('zh-CN')), 1);
    expect(rows.find((r) => r[0] === 'SC-001')?.slice(4, 6)).toEqual(['县级部门', '市场监管局']);
    expect(rows.find((r) => r[0] === 'CG-001')?.slice(2, 6)).toEqual([
      '城市管理',
      '《城市市容和环境卫生管理条例》第三十六条',
      '赋权',
      '',
    ]);
  });
});

describe('the templates in another tool', () => {
  it.runIf(hasOgr)(
    gdalTest('GDAL opens the data sheet and the notes sheet, and reads the catalogue rows'),
    () => {
      withTempDir((dir) => {
        const path = join(dir, 'catalogue.xlsx');
        writeFileSync(path, catalogueXlsx('zh-CN', texts('zh-CN')));
        const layers = execFileSync('ogrinfo', ['-q', path], { encoding: 'utf-8' });
        expect(layers).toMatch(/1: 执法事项/);
        expect(layers).toMatch(/2: 说明/);
        const summary = execFileSync('ogrinfo', ['-so', path, '执法事项'], { encoding: 'utf-8' });
        expect(summary).toContain(`Feature Count: ${sampleCatalogueSource().matters.length}`);
        expect(summary).toMatch(/处置时限（工作小时）: (Integer|Real)/);
      });
    },
  );
});
