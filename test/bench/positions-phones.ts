/**
 * The positions benchmark's phones, in a process of their own (positions.bench.ts starts it with an
 * IPC channel), so sending does not share an event loop with the listener it measures. Each phone walks
 * (1.4 m/s) or drives (8 m/s) from its start, turning a little every second and kept inside the
 * township's box, and reports once a second as Traccar Client does: a POST whose target carries the
 * OsmAnd query (`id`, `timestamp`, `lat`, `lon`, `speed` in knots, `bearing`, `accuracy`, `batt`). Its
 * `timestamp` is the moment it sends, in milliseconds (the protocol takes seconds, milliseconds or ISO),
 * which the page reads back to time each fix to the map. The phones are spread evenly over each second
 * and over {@link ADDRESSES} loopback addresses (127.0.0.2…), as phones behind a few NATs: the listener
 * admits at most 200 requests a second from one address.
 */
import { Agent, request } from 'node:http';
import { seededRandom } from '../../shared/positions/patrol-simulator';

/** Loopback addresses the phones send from: 2,000 phones make 50 requests a second on each (twice that when a late second catches up). */
const ADDRESSES = 40;
const KNOTS_PER_MPS = 1 / 0.514444;
const METRES_PER_DEGREE = 111_320;

export interface PhonesStart {
  readonly port: number;
  /** Device ids, one per phone, and where each starts (WGS84 lon/lat). */
  readonly devices: readonly { readonly id: string; readonly start: readonly [number, number] }[];
  /** The box the phones stay in: [west, south, east, north]. */
  readonly box: readonly [number, number, number, number];
  readonly seed: number;
}

export interface PhonesTally {
  readonly sent: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly errors: number;
  /** Mean and longest time to the listener's answer, ms. */
  readonly answerMeanMs: number;
  readonly answerMaxMs: number;
  /** How late the phones sent against their schedule, at most (ms): the sender keeping up. */
  readonly lateMaxMs: number;
  readonly seconds: number;
}

interface Phone {
  readonly id: string;
  lon: number;
  lat: number;
  /** Degrees clockwise from north. */
  heading: number;
  readonly speed: number;
  readonly agent: Agent;
  readonly address: string;
  battery: number;
}

function run(start: PhonesStart): { stop(): Promise<PhonesTally> } {
  const next = seededRandom(start.seed); // the same walk every run
  const agents = Array.from({ length: ADDRESSES }, () => new Agent({ keepAlive: true, maxSockets: 32 }));
  const phones: Phone[] = start.devices.map((d, i) => ({
    id: d.id,
    lon: d.start[0],
    lat: d.start[1],
    heading: next() * 360,
    speed: next() < 0.75 ? 1.4 : 8,
    agent: agents[i % ADDRESSES]!,
    address: `127.0.0.${2 + (i % ADDRESSES)}`,
    battery: 40 + Math.floor(next() * 60),
  }));
  const [west, south, east, north] = start.box;
  const byStatus: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  let answered = 0;
  let answerSum = 0;
  let answerMax = 0;
  let lateMax = 0;
  let inFlight = 0;
  const began = Date.now();

  /** One second of walking, turned back at the box's edges. */
  const walk = (p: Phone): void => {
    p.heading = (p.heading + (next() - 0.5) * 40 + 360) % 360;
    const rad = (p.heading * Math.PI) / 180;
    let lat = p.lat + (p.speed * Math.cos(rad)) / METRES_PER_DEGREE;
    let lon = p.lon + (p.speed * Math.sin(rad)) / (METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180));
    if (lon < west || lon > east) {
      p.heading = (360 - p.heading) % 360;
      lon = Math.min(east, Math.max(west, lon));
    }
    if (lat < south || lat > north) {
      p.heading = (540 - p.heading) % 360;
      lat = Math.min(north, Math.max(south, lat));
    }
    p.lon = lon;
    p.lat = lat;
  };

  const report = (p: Phone): void => {
    walk(p);
    const query = new URLSearchParams({
      id: p.id,
      timestamp: String(Date.now()),
      lat: p.lat.toFixed(6),
      lon: p.lon.toFixed(6),
      speed: (p.speed * KNOTS_PER_MPS).toFixed(2),
      bearing: p.heading.toFixed(1),
      accuracy: '8',
      batt: String(p.battery),
    });
    const at = performance.now();
    sent += 1;
    inFlight += 1;
    const req = request(
      {
        host: '127.0.0.1',
        port: start.port,
        method: 'POST',
        path: `/?${query.toString()}`,
        agent: p.agent,
        localAddress: p.address,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          inFlight -= 1;
          const ms = performance.now() - at;
          answered += 1;
          answerSum += ms;
          answerMax = Math.max(answerMax, ms);
          const key = String(res.statusCode);
          byStatus[key] = (byStatus[key] ?? 0) + 1;
        });
      },
    );
    req.on('error', () => {
      inFlight -= 1;
      errors += 1;
    });
    req.end();
  };

  // Phone i reports at i/n of every second: a tick every 5 ms sends the phones due since the last.
  let due = 0;
  const timer = setInterval(() => {
    const elapsed = Date.now() - began;
    const target = Math.floor((elapsed * phones.length) / 1000);
    if (target > due) lateMax = Math.max(lateMax, elapsed - (due * 1000) / phones.length);
    while (due < target) {
      report(phones[due % phones.length]!);
      due += 1;
    }
  }, 5);

  return {
    async stop() {
      clearInterval(timer);
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const agent of agents) agent.destroy();
      return {
        sent,
        byStatus,
        errors,
        answerMeanMs: answered === 0 ? 0 : answerSum / answered,
        answerMaxMs: answerMax,
        lateMaxMs: lateMax,
        seconds: (Date.now() - began) / 1000,
      };
    },
  };
}

let running: { stop(): Promise<PhonesTally> } | null = null;
process.on('message', (message: { start?: PhonesStart; stop?: true }) => {
  if (message.start !== undefined) {
    running = run(message.start);
    process.send?.({ started: true });
  } else if (message.stop === true && running !== null) {
    void running.stop().then((tally) => {
      process.send?.({ tally });
      process.disconnect?.();
    });
  }
});
