/**
 * Naming teams and patrol areas from the values a file writes: a known row (from an earlier step)
 * matched by id or by name, or, when no rows are known, a new row derived from the name.
 */
import type { PatrolArea, Team } from '../../model/organisation';

/** Patrol-area colours on the map, in the order areas get them (the sample's palette). */
export const PATROL_AREA_PALETTE = [
  '#e4572e',
  '#2e86ab',
  '#59a14f',
  '#f2a541',
  '#8e6c8a',
  '#17bebb',
  '#d4506a',
  '#6a8d73',
  '#4e79a7',
  '#b07aa1',
  '#9c755f',
  '#edc948',
] as const;

/** The palette colour for the k-th area (0-based) that has none, skipping colours already in use. */
export function paletteColour(k: number, inUse: ReadonlySet<string> = new Set()): string {
  const free = PATROL_AREA_PALETTE.filter((c) => !inUse.has(c));
  const list = free.length > 0 ? free : PATROL_AREA_PALETTE;
  return list[k % list.length] as string;
}

/** A #rrggbb colour from a file value (`#AABBCC`, `aabbcc`), lower case; null when it is not one. */
export function parseColour(text: string): string | null {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(text.trim());
  return m ? `#${(m[1] as string).toLowerCase()}` : null;
}

function byIdOrName<T extends { readonly id: string; readonly name: string }>(
  rows: readonly T[],
  value: string,
): T | undefined {
  return rows.find((r) => r.id === value) ?? rows.find((r) => r.name.trim() === value);
}

/**
 * Resolves team values: against `known` when given (undefined for a value no row has), else one team
 * per distinct name, ids `team-1`, `team-2`… in order first met, with no leader yet (`leaderId` empty:
 * assembleCentreDataset makes the team's first officer its leader).
 */
export class TeamResolver {
  private readonly derived = new Map<string, Team>();
  constructor(private readonly known: readonly Team[] | undefined) {}

  resolve(value: string): Team | undefined {
    if (this.known !== undefined) return byIdOrName(this.known, value);
    let team = this.derived.get(value);
    if (team === undefined) {
      team = { id: `team-${this.derived.size + 1}`, name: value, leaderId: '', phone: '' };
      this.derived.set(value, team);
    }
    return team;
  }

  /** The teams derived so far (none when rows were known). */
  get teams(): Team[] {
    return [...this.derived.values()];
  }
}

/** A known patrol area named by a file value: by id, else by name. */
export function findPatrolArea(known: readonly PatrolArea[], value: string): PatrolArea | undefined {
  return byIdOrName(known, value);
}
