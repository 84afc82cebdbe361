/** Small, dependency-free statistics for benchmark samples. */

/** Wall-clock time in ms with sub-ms resolution, comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();

/**
 * Nearest-rank percentile of `values` (not modified). NaN for an empty list.
 * @param {number[]} values
 * @param {number} p 0..100
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50 / p99 / max / count of a sample list, rounded to 0.1. */
export function summary(values) {
  const r = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
  return {
    min: r(values.length ? Math.min(...values) : Number.NaN),
    p50: r(percentile(values, 50)),
    p99: r(percentile(values, 99)),
    max: r(values.length ? Math.max(...values) : Number.NaN),
    n: values.length,
  };
}

export const median = (values) => percentile(values, 50);

export const round = (x, digits = 1) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;
