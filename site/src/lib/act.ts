/**
 * Where a reader can act: La Cimade's own pages, never a page of ours. Each address was found
 * in public copies of La Cimade's pages (see README, "Acting"): the donation page of its
 * campaign site (« Faire un don · Je fais un don pour la Cimade ») and the membership page of
 * its giving site (« Adhérer à La Cimade »). Client-safe.
 */
export const DONATE_URL = 'https://agir.lacimade.org/rencontre';
export const JOIN_URL = 'https://donner.lacimade.org/page/adhesion';
