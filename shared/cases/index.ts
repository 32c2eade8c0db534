export * from './loop-types';
export { can, canReport, LEADER_ONLY_ACTIONS, REPORTING_ROLES } from './permissions';
export {
  ACTION_STAGES,
  OPEN_LOOP_STAGES,
  actionRefusal,
  allowedActions,
  applyAction,
  initialLoopState,
} from './state-machine';
export { canonicalJson, type JsonValue } from './canonical-json';
export {
  EMPTY_HEAD,
  GENESIS_HASH,
  appendEvent,
  eventHash,
  sha256Hex,
  verifyRecord,
  type ChainHead,
  type ChainLink,
  type ChainedEvent,
  type RecordProblem,
  type VerifyOptions,
  type VerifyResult,
} from './record';
export {
  chainEvents,
  HistoryReplayError,
  replayCase,
  reportEvent,
  type CaseEvent,
  type ReplayedCase,
  type StoredCaseEvent,
} from './history';
export * from './time-limits';
