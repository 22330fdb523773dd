import { headlines, listPublished, seriesOf } from '$core/figures';
import { figures } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const years = await listPublished(figures());
  return {
    headlines: headlines(years).map(({ definition, latest }) => ({
      id: definition.id,
      label: definition.label,
      unit: definition.unit,
      latest,
    })),
    peopleSupported: seriesOf(years, 'people_supported').map(({ year, value, upper, qualifier }) => ({ year, value, upper, qualifier })),
    peopleSupportedSources: seriesOf(years, 'people_supported').map((p) => ({ year: p.year, ...p.source })),
  };
};
