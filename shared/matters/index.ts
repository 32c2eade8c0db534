export { MATTER_HIT_TIERS, prepareMatterSearch, resolveSynonyms, searchMatters } from './search';
export type { MatterHit, MatterHitTier } from './search';
export { MATTER_SYNONYMS } from './synonyms';
export type { MatterSynonyms } from './synonyms';
export { matterCore, pinyinInitials, searchKey } from './text';
