/**
 * The licence of the charts, maps and this compilation, named on the site, in every
 * download and on every public API answer; each figure stays its source's. CC BY 4.0 as
 * chosen at the start; La Cimade has still to confirm it.
 */
export const LICENCE = {
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
