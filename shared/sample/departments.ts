import type { Department } from '../model/organisation';
import type { Rng } from './random';
import { landline } from './names';

/** County-level departments of the sample county (兴化市, a county-level city), keyed by a stable id. */
const DEPARTMENTS: readonly (readonly [id: string, name: string, shortName: string])[] = [
  ['dept-cg', '兴化市城市管理局', '城管局'],
  ['dept-sc', '兴化市市场监督管理局', '市场监管局'],
  ['dept-zr', '兴化市自然资源和规划局', '自然资源规划局'],
  ['dept-zj', '兴化市住房和城乡建设局', '住建局'],
  ['dept-st', '泰州市兴化生态环境局', '生态环境局'],
  ['dept-ny', '兴化市农业农村局', '农业农村局'],
  ['dept-yj', '兴化市应急管理局', '应急管理局'],
  ['dept-sw', '兴化市水务局', '水务局'],
  ['dept-ws', '兴化市卫生健康委员会', '卫健委'],
  ['dept-wl', '兴化市文体广电和旅游局', '文旅局'],
  ['dept-jt', '兴化市交通运输局', '交通运输局'],
  ['dept-mz', '兴化市民政局', '民政局'],
];

/** The sample's departments without their phones: what its matters name (the catalogue sheet uses it). */
export const SAMPLE_DEPARTMENTS: readonly Pick<Department, 'id' | 'name' | 'shortName'>[] = DEPARTMENTS.map(
  ([id, name, shortName]) => ({ id, name, shortName }),
);

/** The ids a matter's `authority.departmentId` may name. */
export const DEPARTMENT_IDS: readonly string[] = DEPARTMENTS.map((d) => d[0]);

/** The county departments of the sample, each with a landline. */
export function generateDepartments(rng: Rng): Department[] {
  return DEPARTMENTS.map(([id, name, shortName]) => ({ id, name, shortName, phone: landline(rng) }));
}
