import type { ParamMatcher } from '@sveltejs/kit';
import { themeByAnySlug } from '$lib/themes';

/** A theme page drawn from series over years, by its French or English slug (`personnes`, `people-supported`…). */
export const match: ParamMatcher = (param) => themeByAnySlug.has(param);
