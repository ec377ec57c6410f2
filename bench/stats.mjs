/** Small statistics for the bench: medians, ranges, and ratios of interleaved rounds. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const range = (values) => [Math.min(...values), Math.max(...values)];

/**
 * Ours against theirs, from rounds run A B A B ...: the median of each side, the ratio of the
 * medians, and the median of each round's own ratio (robust to load that drifts between rounds).
 */
export function compare(ours, theirs) {
  const rounds = Math.min(ours.length, theirs.length);
  const perRound = Array.from({ length: rounds }, (_, i) => ours[i] / theirs[i]);
  return {
    ours: median(ours),
    theirs: median(theirs),
    ratioOfMedians: median(ours) / median(theirs),
    medianRatio: median(perRound),
    ratioRange: range(perRound),
  };
}
