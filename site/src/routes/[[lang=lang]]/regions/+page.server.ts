import { listPublished } from '$core/figures';
import { toLang } from '$lib/i18n';
import { shapeRegions } from '$lib/server/regions';
import { figures } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) =>
  shapeRegions(await listPublished(figures()), toLang(params.lang), {
    year: url.searchParams.get('year'),
    metric: url.searchParams.get('metric'),
  });
