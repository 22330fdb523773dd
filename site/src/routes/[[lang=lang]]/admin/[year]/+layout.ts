import { error } from '@sveltejs/kit';
import type { LayoutLoad } from './$types';

/** The year every page under it edits or shows the history of: four digits, or a 404. */
export const load: LayoutLoad = ({ params }) => {
  if (!/^\d{4}$/.test(params.year)) error(404, 'Not found');
  return { year: Number(params.year) };
};
