import { sitemapXml } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

/** Absolute URLs at the site's own origin (ORIGIN on AWS and locally, never the Host header). */
export const GET: RequestHandler = ({ url }) =>
  new Response(sitemapXml(url.origin), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
