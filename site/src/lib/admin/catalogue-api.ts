/** The staff API's catalogue routes (issue #16), from the browser. */
import type { PublicationWarning } from '$core/cdn';
import type { Catalogue, CountryChoice } from '$core/catalogue';
import type { CatalogueHead, CatalogueVersion } from '$core/catalogue-repository';
import { applyCatalogue } from '$core/reference';
import { call } from './api';

export type { Catalogue, CatalogueHead, CountryChoice };
export type CatalogueHistoryEntry = Omit<CatalogueVersion, 'catalogue'>;

export interface CatalogueStateAnswer {
  published?: CatalogueHead;
  draft?: CatalogueHead;
  headVersion: number;
  canPublish: boolean;
}

export const catalogueApi = {
  state: () => call<CatalogueStateAnswer>('GET', '/catalogue'),
  countries: () => call<{ countries: CountryChoice[] }>('GET', '/catalogue/countries'),
  save: (catalogue: Catalogue, baseVersion: number) =>
    call<{ record: CatalogueHistoryEntry }>('PUT', '/catalogue/draft', { catalogue, baseVersion }),
  publish: (baseVersion: number) =>
    call<{ record: CatalogueHistoryEntry; warnings?: PublicationWarning[] }>('POST', '/catalogue/publish', {
      baseVersion,
    }),
  restore: (version: number, baseVersion: number) =>
    call<{ record: CatalogueHistoryEntry }>('POST', '/catalogue/restore', { version, baseVersion }),
  history: () => call<{ versions: CatalogueHistoryEntry[] }>('GET', '/catalogue/history'),
};

let inForce: Promise<void> | undefined;

/**
 * Puts the published catalogue in force in this tab, once per sign-in: the year editor's own
 * checks (a partner country, an indicator) then know what staff published, not only `data/`.
 */
export function usePublishedCatalogue(): Promise<void> {
  inForce ??= catalogueApi.state().then(
    (s) => {
      if (s.published) applyCatalogue(s.published.catalogue);
    },
    () => {
      inForce = undefined; // the checks keep data/'s catalogue; the server checks against the published one anyway
    },
  );
  return inForce;
}
