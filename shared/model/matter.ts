/** 执法领域: the domain an enforcement matter belongs to. */
export const MATTER_DOMAINS = [
  'urban-management',
  'market-regulation',
  'planning-construction',
  'ecology-environment',
  'agriculture-rural',
  'emergency-management',
  'water-resources',
  'health',
  'culture-tourism',
  'transport',
  'natural-resources',
  'civil-affairs',
] as const;
export type MatterDomain = (typeof MATTER_DOMAINS)[number];

/**
 * Who holds the power for a matter: the township by law (法定), by grant (赋权) or by delegation (委托),
 * or a named county department (then a case becomes a whistle, 吹哨).
 */
export type MatterAuthority =
  | { readonly kind: 'township'; readonly basis: 'statutory' | 'granted' | 'delegated' }
  | { readonly kind: 'department'; readonly departmentId: string };

/** Per-stage time limits for a matter, in working hours. */
export interface StageLimits {
  /** 上报 → 立案. */
  readonly register: number;
  /** 立案 → 派遣. */
  readonly dispatch: number;
  /** 签收 → 处置完成. */
  readonly handle: number;
  /** 反馈 → 核查. */
  readonly verify: number;
}

/** 执法事项: one entry of the power list (权力清单 / 赋权清单). */
export interface Matter {
  /** Catalogue code, e.g. "CG-012". */
  readonly code: string;
  readonly name: string;
  readonly domain: MatterDomain;
  /** 法律依据: the statute and article. */
  readonly legalBasis: string;
  readonly authority: MatterAuthority;
  readonly limits: StageLimits;
  /** Whether the action needs at least two certified officers (行政处罚、强制). */
  readonly needsCertified: boolean;
}
