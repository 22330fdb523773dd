// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      lang: 'fr' | 'en';
    }
    interface Error {
      code?: string;
    }
  }
}
export {};
