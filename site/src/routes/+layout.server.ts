import { figuresStale } from '$lib/server/store';
import type { LayoutServerLoad } from './$types';

/** `stale` in every page's data: true when the figures come from memory because the store did not answer. */
export const load: LayoutServerLoad = async ({ url }) => {
  void url.pathname; // re-run on every navigation, so the notice comes and goes with the store
  return { stale: await figuresStale() };
};
