/**
 * The closed lists the reference data draws from: its themes and its kinds of metric. Shared by
 * `reference.ts` (the data as shipped) and `reference-schema.ts` (its schema), which would
 * otherwise import each other. Plain TypeScript.
 */
export const THEMES = [
  'people',
  'volunteers',
  'regions',
  'international',
  'detention',
  'housing',
  'awareness',
  'finances',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * How a metric's values are read: a count of things (whole), a decimal quantity such as
 * full-time equivalents (72,5 ETP), an amount in euros, a percentage.
 */
export const METRIC_KINDS = ['count', 'quantity', 'amount', 'percent'] as const;
