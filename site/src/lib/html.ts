/** Escaping for HTML built as a string (rendered with `{@html}`). Client-safe, pure. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&"<>']/g, (c) => ESCAPES[c]!);
