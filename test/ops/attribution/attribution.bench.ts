import { bench, describe } from 'vitest';
import { createAttributionAccumulator, type TouchpointEvent } from '../../../src/ops/attribution/attribution-accumulator.js';

/**
 * Throughput of the streaming attribution API on 1,000,000 events (run with
 * `npx vitest bench test/ops`). The target is well under 2 s per million touchpoints.
 * Events are generated on the fly, as a file or database cursor would deliver them.
 */
const CHANNELS = ['email', 'cpc', 'social', 'display', 'organic', 'referral', 'affiliate', 'paid-social'];
const EVENTS = 1_000_000;
const BASE = Date.UTC(2025, 0, 1);
// ISO strings per hour, built once so the benchmark measures parsing, not formatting.
const ISO_BY_HOUR = Array.from({ length: 230_000 }, (_, hour) => new Date(BASE + hour * 3_600_000).toISOString());

function feed(add: (event: TouchpointEvent) => void, iso: boolean): void {
  let journey = 0;
  let count = 0;
  while (count < EVENTS) {
    const length = 1 + (journey % 9);
    const journeyId = `j${journey}`;
    for (let k = 0; k < length && count < EVENTS; k += 1, count += 1) {
      const hour = journey + k * 24;
      const timestamp = iso ? (ISO_BY_HOUR[hour] ?? '') : BASE + hour * 3_600_000;
      if (k === length - 1 && journey % 3 !== 0) add({ journeyId, timestamp, type: 'conversion', value: 100 });
      else add({ journeyId, timestamp, channel: CHANNELS[(journey + k) % 8], campaign: `c${(journey * 7 + k) % 50}` });
    }
    journey += 1;
  }
}

describe('attribution accumulator, 1M events', () => {
  bench('epoch-millisecond timestamps', () => {
    const acc = createAttributionAccumulator();
    feed((e) => acc.add(e), false);
    acc.result();
  }, { iterations: 3, warmupIterations: 0 });

  bench('ISO timestamps', () => {
    const acc = createAttributionAccumulator();
    feed((e) => acc.add(e), true);
    acc.result();
  }, { iterations: 3, warmupIterations: 0 });
});
