/**
 * The rule-based attribution models. Each turns the touches before one conversion into
 * weights that sum to 1 (one conversion's worth of credit):
 * - firstTouch: all credit to the first touch.
 * - lastTouch: all credit to the last touch before the conversion.
 * - linear: equal shares.
 * - timeDecay: weight 2^(-Δt / halfLife), Δt = conversion time - touch time, then normalised.
 * - positionBased (U-shaped): 1 touch 100%; 2 touches 50/50; 3+ touches 40% first,
 *   40% last, and 20% split evenly over the touches in between.
 */
export const ATTRIBUTION_MODELS = ['firstTouch', 'lastTouch', 'linear', 'timeDecay', 'positionBased'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export const MODEL_LABELS: Record<AttributionModel, string> = {
  firstTouch: 'First touch',
  lastTouch: 'Last touch',
  linear: 'Linear',
  timeDecay: 'Time decay',
  positionBased: 'Position-based (40/20/40)',
};

export const DEFAULT_HALF_LIFE_DAYS = 7;
export const MS_PER_DAY = 86_400_000;

/**
 * Writes the weights of `model` for `n` touches into `out[0..n)`. `times` are the touch
 * times (ms, ascending) and `conversionTime` the conversion's time (ms).
 */
export function fillModelWeights(
  model: AttributionModel,
  n: number,
  times: ArrayLike<number>,
  conversionTime: number,
  halfLifeMs: number,
  out: Float64Array,
): void {
  if (n <= 0) return;
  out.fill(0, 0, n);
  switch (model) {
    case 'firstTouch':
      out[0] = 1;
      return;
    case 'lastTouch':
      out[n - 1] = 1;
      return;
    case 'linear':
      out.fill(1 / n, 0, n);
      return;
    case 'timeDecay': {
      let sum = 0;
      for (let i = 0; i < n; i += 1) {
        const w = 2 ** (-(conversionTime - (times[i] ?? conversionTime)) / halfLifeMs);
        out[i] = w;
        sum += w;
      }
      // Very old touches can underflow to 0 together; fall back to the most recent touch.
      if (sum === 0) {
        out[n - 1] = 1;
        return;
      }
      for (let i = 0; i < n; i += 1) out[i] = (out[i] ?? 0) / sum;
      return;
    }
    case 'positionBased': {
      if (n === 1) {
        out[0] = 1;
      } else if (n === 2) {
        out[0] = 0.5;
        out[1] = 0.5;
      } else {
        const middle = 0.2 / (n - 2);
        out.fill(middle, 1, n - 1);
        out[0] = 0.4;
        out[n - 1] = 0.4;
      }
      return;
    }
  }
}

/** Convenience: the weights as a plain array (used by tests and small callers). */
export function modelWeights(model: AttributionModel, times: readonly number[], conversionTime: number, halfLifeDays = DEFAULT_HALF_LIFE_DAYS): number[] {
  const out = new Float64Array(times.length);
  fillModelWeights(model, times.length, times, conversionTime, halfLifeDays * MS_PER_DAY, out);
  return [...out];
}
