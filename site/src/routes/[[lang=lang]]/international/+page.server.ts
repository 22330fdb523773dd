import { listPublished } from '$core/figures';
import { toLang } from '$lib/i18n';
import { shapeInternational } from '$lib/server/international';
import { figures } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) =>
  shapeInternational(await listPublished(figures()), toLang(params.lang), {
    year: url.searchParams.get('year'),
  });
