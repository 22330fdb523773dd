// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      lang: 'fr' | 'en';
    }
    interface Error {
      code?: string;
    }
    interface Platform {
      /** Where downloads draw PNGs and pack zips: the local server's worker pool; absent on Lambda (on the thread). */
      press?: import('$lib/press/server/renderer').PressRenderer;
      /** The local system's clock (started at CLOCK_AT, as staff writes are); absent on Lambda: the real time. */
      clock?: () => Date;
    }
  }
}
export {};
