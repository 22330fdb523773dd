import type { ParamMatcher } from '@sveltejs/kit';

/** The optional language segment: French lives at `/`, English at `/en`. */
export const match: ParamMatcher = (param) => param === 'en';
