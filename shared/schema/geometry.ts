import { z } from 'zod';

/**
 * Geometry schemas for stored WGS84 lon/lat degrees (RFC 7946 GeoJSON geometry objects). Beyond the
 * shape they check what breaks a map or a point-in-polygon test later: finite coordinates in range,
 * rings of at least 4 positions whose first and last positions are equal, lines of at least 2 positions.
 * Winding order and self-intersection are topology, checked by the spatial import, not here.
 */

/** A [lon, lat] position; `z.number()` already refuses NaN and ±Infinity. */
export const lonLatSchema = z.tuple([z.number(), z.number()]).superRefine(([lon, lat], ctx) => {
  if (lon < -180 || lon > 180) {
    ctx.addIssue({
      code: 'custom',
      path: [0],
      message: 'lon',
      params: { key: 'geometry.lonOutOfRange', value: lon },
    });
  }
  if (lat < -90 || lat > 90) {
    ctx.addIssue({
      code: 'custom',
      path: [1],
      message: 'lat',
      params: { key: 'geometry.latOutOfRange', value: lat },
    });
  }
});

function samePosition(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** A closed linear ring: ≥ 4 positions, first equal to last. */
export const ringSchema = z.array(lonLatSchema).superRefine((ring, ctx) => {
  if (ring.length < 4) {
    ctx.addIssue({
      code: 'custom',
      message: 'ring too short',
      params: { key: 'geometry.ringTooShort', count: ring.length },
    });
  } else if (!samePosition(ring[0], ring[ring.length - 1])) {
    ctx.addIssue({ code: 'custom', message: 'ring not closed', params: { key: 'geometry.ringNotClosed' } });
  }
});

export const polygonSchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(ringSchema).min(1),
});

export const multiPolygonSchema = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});

export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

export const lineGeometrySchema = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z.array(lonLatSchema).superRefine((line, ctx) => {
    if (line.length < 2) {
      ctx.addIssue({
        code: 'custom',
        message: 'line too short',
        params: { key: 'geometry.lineTooShort', count: line.length },
      });
    }
  }),
});

/** A line or an area, for features that may be either (a river or a lake). */
export const lineOrAreaGeometrySchema = z.discriminatedUnion('type', [
  lineGeometrySchema,
  polygonSchema,
  multiPolygonSchema,
]);
