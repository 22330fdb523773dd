/**
 * The maps' shapes (world-atlas, Natural Earth 1:50m), projected at build time by
 * site/vite-map-geometry.ts: the server holds only the path strings it draws, and the client
 * never receives TopoJSON.
 */
export { france as franceGeometry, partners as partnerGeometry } from 'virtual:map-geometry';
