/**
 * Zones (片区划分与排班): shifts and rosters, zone plans with their checks, edits, undo and comparison,
 * the expected workload per grid, and the balanced proposal. Pure; the heavy parts run in a worker.
 */
export {
  DEFAULT_SHIFT_PATTERNS,
  activeShiftSlots,
  checkShiftPatterns,
  inShift,
  nextShiftSlot,
  shiftHours,
  shiftMembership,
  shiftSlotOn,
  shiftSlotsBetween,
  shiftSpan,
  type ShiftPattern,
  type ShiftSlot,
} from './shifts';
export {
  DUTY_ROLES,
  EMPTY_ROSTER,
  LEAVE_KINDS,
  dutyAt,
  officersOnDuty,
  teamsOnDuty,
  type DutyAt,
  type DutyRole,
  type DutyStatus,
  type LeaveKind,
  type OfficerDuty,
  type Roster,
  type RosterEntry,
  type RosterLeave,
  type RosterMember,
  type RosterSwap,
  type TeamDuty,
} from './roster';
export { checkRoster, type RosterContext } from './roster-check';
export {
  COLOUR_PATTERN,
  areaTeam,
  decidingSlot,
  gridTeamAt,
  indexPlan,
  nextAreaId,
  planFromOrganisation,
  zoneGrids,
  type PlanIndex,
  type ZoneArea,
  type ZoneGrids,
  type ZonePlan,
} from './plan';
export { applyEdit, moveGrids, type EditResult, type PlanEdit } from './plan-edit';
export {
  HISTORY_LIMIT,
  canRedo,
  canUndo,
  recordEdit,
  redo,
  startHistory,
  undo,
  type HistoryStep,
  type PlanHistory,
} from './plan-history';
export { gridDutyAt, type GridDuty } from './grid-duty';
export { checkPlan, type AreaFigures, type PlanCheckOptions, type PlanReport } from './plan-check';
export { comparePlans, type AreaChange, type GridChange, type PlanDiff, type TeamChange } from './plan-diff';
export {
  DEFAULT_WORKLOAD_COEFFICIENTS,
  checkMatterWeights,
  gridWorkloads,
  type GridWorkloads,
  type WorkloadCase,
  type WorkloadCoefficients,
  type WorkloadInput,
} from './workload';
export { ROAD_PIECE_M, gridRoadLengths } from './road-length';
export { areaLoads, imbalanceOf } from './load';
export { ContiguityGuard, areaPieces, type AreaPieces, type Contiguity } from './contiguity';
export {
  TOLERANCE_AT_FEWEST_MOVES,
  balanceAreas,
  type BalanceMove,
  type BalanceOptions,
  type BalanceOutcome,
  type BalanceProblem,
} from './balance';
export {
  proposalEdit,
  proposeBalancedPlan,
  type ProposalInput,
  type ProposedArea,
  type ProposedMove,
  type ZoneProposal,
} from './proposal';
export {
  ZONE_MESSAGES_EN,
  ZONE_MESSAGE_KEYS,
  zoneIssueLine,
  zoneMessageText,
  type ZoneIssue,
  type ZoneIssueKey,
  type ZoneMessageKey,
  type ZoneRefusal,
  type ZoneRefusalKey,
  type ZoneSection,
} from './messages';
