/** Generated at build time by site/vite-map-geometry.ts. */
declare module 'virtual:map-geometry' {
  export const france: import('$lib/charts/france-map-layout').FranceGeometry;
  export const partners: import('$lib/charts/partner-map-layout').PartnerGeometry;
}
