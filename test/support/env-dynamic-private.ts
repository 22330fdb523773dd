/** SvelteKit's `$env/dynamic/private` for unit specs (vitest.config.ts): the process's environment, as on the server. */
export const env: Record<string, string | undefined> = process.env;
