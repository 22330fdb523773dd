import { error } from '@sveltejs/kit';
import { FIRST_YEAR, lastAllowedYear } from '$core/metric-keys';
import type { LayoutLoad } from './$types';

/**
 * The year every page under it edits or shows the history of: four digits within the years
 * the rules accept (1939 to next year), or a 404 — never a form for 1800 or 2031.
 */
export const load: LayoutLoad = ({ params }) => {
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year) || year < FIRST_YEAR || year > lastAllowedYear()) error(404, 'Not found');
  return { year };
};
