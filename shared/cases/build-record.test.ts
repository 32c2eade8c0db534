import { describe, expect, it } from 'vitest';
import { generateTownship, SAMPLE_SEED } from '../sample';
import { buildRecordInSteps, buildRecordSync, RECORD_BUILD_STEP } from './build-record';

// A small year of the sample generator's cases: a few thousand events, more than two steps' worth.
const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township', casesPerDay: 1.5 });
const eventId = (seq: number): string => `ws-test-${seq}`;

describe('building a record in steps', () => {
  it('gives the record built in one go, waiting before the replay and every 2,000 events', async () => {
    let waits = 0;
    const stepped = await buildRecordInSteps(dataset, eventId, () => {
      waits += 1;
      return Promise.resolve();
    });
    const whole = buildRecordSync(dataset, eventId);
    expect(stepped).toEqual(whole);
    expect(whole.events.length).toBeGreaterThan(2 * RECORD_BUILD_STEP);
    expect(waits).toBe(1 + Math.floor((whole.events.length - 1) / RECORD_BUILD_STEP));
  });

  it('goes no further while its wait has not resolved', async () => {
    let release: () => void = () => undefined;
    let waits = 0;
    const building = buildRecordInSteps(dataset, eventId, () => {
      waits += 1;
      return waits === 2 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    });
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    expect(waits).toBe(2);
    release();
    expect((await building).events).toHaveLength(buildRecordSync(dataset, eventId).events.length);
  });
});
