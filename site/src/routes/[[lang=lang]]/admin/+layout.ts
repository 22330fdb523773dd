// The staff pages need the token, which lives in the browser's sessionStorage: render them
// there. The server still answers with a shell (no-store, never framed: hooks.server.ts).
export const ssr = false;
