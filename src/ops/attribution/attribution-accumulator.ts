import { MopsError } from '../../errors/index.js';
import { parseIsoTimestamp } from '../shared/dates.js';
import { ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, MS_PER_DAY, fillModelWeights, type AttributionModel } from './attribution-models.js';

/** One event of a journey: a marketing touch, or the conversion it leads to. */
export interface TouchpointEvent {
  journeyId: string;
  /** Epoch milliseconds, or an ISO date-time (no zone means UTC). */
  timestamp: number | string;
  /** Required on touches; ignored on conversions. */
  channel?: string | undefined;
  campaign?: string | undefined;
  /** @default "touch" */
  type?: 'touch' | 'conversion' | undefined;
  /** Conversion value (revenue); read on conversions, or on touches with `conversionAtLastTouch`. */
  value?: number | undefined;
}

export interface AttributionOptions {
  /** Half-life of the time-decay model, in days. @default 7 */
  halfLifeDays?: number;
  /**
   * For exports that list only converting paths without a conversion row: each journey
   * converts at its last touch, with the last value found on its touches. @default false
   */
  conversionAtLastTouch?: boolean;
  /**
   * Remember finished journey ids to detect touchpoints that are not grouped by journey.
   * Costs memory per journey (not per touchpoint). @default true
   */
  checkGrouping?: boolean;
  /** How many example journey ids to keep for the "without conversion" report. @default 10 */
  sampleSize?: number;
}

export type ModelNumbers = Record<AttributionModel, number>;

export interface CreditRow {
  key: string;
  /** Conversions credited to this channel/campaign, per model (fractions of conversions). */
  conversions: ModelNumbers;
  /** Conversion value credited, per model. */
  value: ModelNumbers;
}

export interface AttributionResult {
  halfLifeDays: number;
  totals: {
    touchpoints: number;
    journeys: number;
    conversions: number;
    /** Conversions that had at least one touch before them and so were credited. */
    attributedConversions: number;
    conversionValue: number;
    attributedValue: number;
  };
  /** Journeys with touches but no conversion: reported, not credited. */
  journeysWithoutConversion: { count: number; touchpoints: number; sampleIds: string[] };
  /** Conversions with no touch before them: nothing to credit. */
  conversionsWithoutTouches: { count: number; value: number; sampleIds: string[] };
  /** Touches after a journey's last conversion (they lead to no conversion yet). */
  touchesAfterLastConversion: number;
  /** Sorted by linear credit, highest first. */
  byChannel: CreditRow[];
  byCampaign: CreditRow[];
}

export interface AttributionAccumulator {
  /** Adds one event. Events must arrive grouped by journey (any order within a journey). */
  add(event: TouchpointEvent): void;
  /** Finishes the last journey and returns the totals; the accumulator can keep going after. */
  result(): AttributionResult;
}

const M = ATTRIBUTION_MODELS.length;
export const NO_CAMPAIGN = '(none)';

/** Interns keys and keeps M conversion credits and M value credits per key in flat arrays. */
class CreditTable {
  private readonly index = new Map<string, number>();
  readonly keys: string[] = [];
  private credit = new Float64Array(64 * M);
  private value = new Float64Array(64 * M);

  slot(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.index.set(key, i);
      this.keys.push(key);
      if ((i + 1) * M > this.credit.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.credit = grow(this.credit);
        this.value = grow(this.value);
      }
    }
    return i;
  }

  add(slot: number, model: number, credit: number, value: number): void {
    this.credit[slot * M + model] = (this.credit[slot * M + model] ?? 0) + credit;
    this.value[slot * M + model] = (this.value[slot * M + model] ?? 0) + value;
  }

  rows(): CreditRow[] {
    const rows = this.keys.map((key, slot) => {
      const conversions = {} as ModelNumbers;
      const value = {} as ModelNumbers;
      ATTRIBUTION_MODELS.forEach((model, m) => {
        conversions[model] = this.credit[slot * M + m] ?? 0;
        value[model] = this.value[slot * M + m] ?? 0;
      });
      return { key, conversions, value };
    });
    return rows.sort((a, b) => b.conversions.linear - a.conversions.linear || a.key.localeCompare(b.key));
  }
}

/**
 * Streaming attribution: feed events journey by journey; only the current journey is held
 * in memory, so millions of touchpoints run in constant memory per journey. Within a
 * journey, events are ordered by time (touches before a conversion at the same instant).
 * Each conversion is credited to the touches since the previous conversion.
 */
export function createAttributionAccumulator(options: AttributionOptions = {}): AttributionAccumulator {
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) {
    throw new MopsError('INVALID_INPUT', `halfLifeDays must be a positive number of days, got ${halfLifeDays}`);
  }
  const halfLifeMs = halfLifeDays * MS_PER_DAY;
  const sampleSize = options.sampleSize ?? 10;
  const checkGrouping = options.checkGrouping ?? true;
  const finished = new Set<string>();
  const channels = new CreditTable();
  const campaigns = new CreditTable();

  const totals = { touchpoints: 0, journeys: 0, conversions: 0, attributedConversions: 0, conversionValue: 0, attributedValue: 0 };
  const withoutConversion = { count: 0, touchpoints: 0, sampleIds: [] as string[] };
  const withoutTouches = { count: 0, value: 0, sampleIds: [] as string[] };
  let touchesAfterLast = 0;
  let eventCount = 0;

  // The current journey, as parallel arrays reused between journeys.
  let current: string | undefined;
  let size = 0;
  let times = new Float64Array(16);
  let kinds = new Uint8Array(16); // 0 touch, 1 conversion
  let values = new Float64Array(16);
  let channelSlots = new Int32Array(16);
  let campaignSlots = new Int32Array(16);
  let order = new Int32Array(16);
  // Scratch space for one conversion's touches.
  let touchTimes = new Float64Array(16);
  let touchChannels = new Int32Array(16);
  let touchCampaigns = new Int32Array(16);
  let weights = new Float64Array(16);

  function ensure(capacity: number): void {
    if (capacity <= times.length) return;
    const next = Math.max(capacity, times.length * 2);
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(next);
      b.set(a);
      return b;
    };
    times = grow(times, (n) => new Float64Array(n));
    kinds = grow(kinds, (n) => new Uint8Array(n));
    values = grow(values, (n) => new Float64Array(n));
    channelSlots = grow(channelSlots, (n) => new Int32Array(n));
    campaignSlots = grow(campaignSlots, (n) => new Int32Array(n));
    order = new Int32Array(next);
    touchTimes = new Float64Array(next);
    touchChannels = new Int32Array(next);
    touchCampaigns = new Int32Array(next);
    weights = new Float64Array(next);
  }

  function credit(touches: number, conversionTime: number, value: number): void {
    totals.attributedConversions += 1;
    totals.attributedValue += value;
    for (let m = 0; m < M; m += 1) {
      fillModelWeights(ATTRIBUTION_MODELS[m] as AttributionModel, touches, touchTimes, conversionTime, halfLifeMs, weights);
      for (let i = 0; i < touches; i += 1) {
        const w = weights[i] ?? 0;
        if (w === 0) continue;
        channels.add(touchChannels[i] ?? 0, m, w, w * value);
        campaigns.add(touchCampaigns[i] ?? 0, m, w, w * value);
      }
    }
  }

  function flush(): void {
    if (current === undefined) return;
    const journeyId = current;
    totals.journeys += 1;
    for (let i = 0; i < size; i += 1) order[i] = i;
    let sorted = true;
    for (let i = 1; i < size && sorted; i += 1) {
      const a = times[i - 1] ?? 0;
      const b = times[i] ?? 0;
      if (a > b || (a === b && (kinds[i - 1] ?? 0) > (kinds[i] ?? 0))) sorted = false;
    }
    if (!sorted) {
      const view = Array.from(order.subarray(0, size));
      view.sort((x, y) => (times[x] ?? 0) - (times[y] ?? 0) || (kinds[x] ?? 0) - (kinds[y] ?? 0) || x - y);
      order.set(view);
    }
    let touches = 0;
    let converted = false;
    let lastValue = Number.NaN;
    for (let k = 0; k < size; k += 1) {
      const i = order[k] ?? 0;
      if (kinds[i] === 0) {
        touchTimes[touches] = times[i] ?? 0;
        touchChannels[touches] = channelSlots[i] ?? 0;
        touchCampaigns[touches] = campaignSlots[i] ?? 0;
        touches += 1;
        if (!Number.isNaN(values[i] ?? Number.NaN)) lastValue = values[i] ?? 0;
        continue;
      }
      converted = true;
      const value = Number.isNaN(values[i] ?? Number.NaN) ? 0 : (values[i] ?? 0);
      totals.conversions += 1;
      totals.conversionValue += value;
      if (touches === 0) {
        withoutTouches.count += 1;
        withoutTouches.value += value;
        if (withoutTouches.sampleIds.length < sampleSize && !withoutTouches.sampleIds.includes(journeyId)) withoutTouches.sampleIds.push(journeyId);
      } else {
        credit(touches, times[i] ?? 0, value);
      }
      touches = 0;
    }
    if (!converted && touches > 0 && options.conversionAtLastTouch) {
      const value = Number.isNaN(lastValue) ? 0 : lastValue;
      totals.conversions += 1;
      totals.conversionValue += value;
      credit(touches, touchTimes[touches - 1] ?? 0, value);
    } else if (!converted) {
      withoutConversion.count += 1;
      withoutConversion.touchpoints += touches;
      if (withoutConversion.sampleIds.length < sampleSize) withoutConversion.sampleIds.push(journeyId);
    } else {
      touchesAfterLast += touches;
    }
    if (checkGrouping) finished.add(journeyId);
    current = undefined;
    size = 0;
  }

  return {
    add(event) {
      eventCount += 1;
      if (event.journeyId !== current) {
        flush();
        if (checkGrouping && finished.has(event.journeyId)) {
          throw new MopsError(
            'INVALID_INPUT',
            `touchpoint #${eventCount}: journey "${event.journeyId}" appeared again after other journeys; feed events grouped by journey (sort by journey id first) or use attributeConversions, which groups them for you`,
          );
        }
        current = event.journeyId;
      }
      const time = typeof event.timestamp === 'number' ? event.timestamp : parseIsoTimestamp(event.timestamp);
      if (time === undefined || !Number.isFinite(time)) {
        throw new MopsError('INVALID_INPUT', `touchpoint #${eventCount} (journey "${event.journeyId}"): expected an ISO date-time or epoch milliseconds, got ${JSON.stringify(event.timestamp)}`);
      }
      const isConversion = event.type === 'conversion';
      if (!isConversion && !event.channel) {
        throw new MopsError('INVALID_INPUT', `touchpoint #${eventCount} (journey "${event.journeyId}"): a touch needs a channel`);
      }
      ensure(size + 1);
      times[size] = time;
      kinds[size] = isConversion ? 1 : 0;
      values[size] = event.value ?? Number.NaN;
      if (!isConversion) {
        totals.touchpoints += 1;
        channelSlots[size] = channels.slot(event.channel ?? '');
        campaignSlots[size] = campaigns.slot(event.campaign || NO_CAMPAIGN);
      }
      size += 1;
    },
    result() {
      flush();
      return {
        halfLifeDays,
        totals: { ...totals },
        journeysWithoutConversion: { ...withoutConversion, sampleIds: [...withoutConversion.sampleIds] },
        conversionsWithoutTouches: { ...withoutTouches, sampleIds: [...withoutTouches.sampleIds] },
        touchesAfterLastConversion: touchesAfterLast,
        byChannel: channels.rows(),
        byCampaign: campaigns.rows(),
      };
    },
  };
}
