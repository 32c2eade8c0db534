/**
 * A Traccar server's data, for centres that already run one: its devices (`GET /api/devices`), its
 * positions (the WebSocket `/api/socket`'s `{positions: […]}` and `GET /api/positions`) read into the
 * same fixes the OsmAnd listener decodes (osmand.ts), keyed by the device's unique id (the identifier
 * entered in the phone, which the centre binds to an officer). Traccar's speeds are knots, its times
 * ISO 8601, its battery an attribute. A record that is not what Traccar sends is skipped and counted,
 * never a position.
 */
import { KNOT_MPS, type DeviceFix } from './osmand';

/** What GridDesk reads of a Traccar device. */
export interface TraccarDevice {
  /** Traccar's own numeric id, which positions refer to. */
  readonly id: number;
  /** The identifier the phone reports with (Traccar's "unique id"). */
  readonly uniqueId: string;
  readonly name: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The devices of a `/api/devices` answer (or a socket's `devices` message); malformed ones skipped. */
export function traccarDevices(json: unknown): TraccarDevice[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((d: unknown) =>
    isRecord(d) && typeof d.id === 'number' && typeof d.uniqueId === 'string' && d.uniqueId !== ''
      ? [{ id: d.id, uniqueId: d.uniqueId, name: typeof d.name === 'string' ? d.name : d.uniqueId }]
      : [],
  );
}

/**
 * Traccar positions as fixes, each under its device's unique id (`uniqueIdOf` maps Traccar's device
 * id); positions of devices it does not know, or without a readable place or time, are `skipped`.
 */
export function traccarFixes(
  json: unknown,
  uniqueIdOf: (deviceId: number) => string | undefined,
): { readonly fixes: DeviceFix[]; readonly skipped: number } {
  const fixes: DeviceFix[] = [];
  let skipped = 0;
  for (const p of Array.isArray(json) ? json : []) {
    const uniqueId = isRecord(p) && typeof p.deviceId === 'number' ? uniqueIdOf(p.deviceId) : undefined;
    const lat = isRecord(p) ? finite(p.latitude) : null;
    const lon = isRecord(p) ? finite(p.longitude) : null;
    const time = isRecord(p) ? (p.fixTime ?? p.deviceTime) : undefined;
    const at = typeof time === 'string' ? Date.parse(time) : NaN;
    if (!isRecord(p) || uniqueId === undefined || lat === null || lon === null || !Number.isFinite(at)) {
      skipped += 1;
      continue;
    }
    const attributes = isRecord(p.attributes) ? p.attributes : {};
    const speed = finite(p.speed);
    fixes.push({
      deviceId: uniqueId,
      lat,
      lon,
      at,
      valid: p.valid !== false,
      speed: speed === null ? null : speed * KNOT_MPS,
      bearing: finite(p.course),
      altitude: finite(p.altitude),
      accuracy: finite(p.accuracy) || null,
      battery: finite(attributes.batteryLevel),
      charging: typeof attributes.charge === 'boolean' ? attributes.charge : null,
      attributes: {},
    });
  }
  return { fixes, skipped };
}

/** One message of Traccar's `/api/socket`: any of `devices`, `positions`, `events` (or `{}`, a keep-alive). */
export function traccarSocketMessage(text: string): {
  readonly devices: unknown[] | null;
  readonly positions: unknown[] | null;
} | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  return {
    devices: Array.isArray(json.devices) ? json.devices : null,
    positions: Array.isArray(json.positions) ? json.positions : null,
  };
}
