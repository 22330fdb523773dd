import type { ParamMatcher } from '@sveltejs/kit';
import { themeBySlug } from '$lib/themes';

/** A theme page drawn from series over years: `personnes`, `benevoles`, `retention-prison`, `hebergement`. */
export const match: ParamMatcher = (param) => themeBySlug.has(param);
