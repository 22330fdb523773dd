/** The staff API's catalogue routes (issue #16), from the browser. */
import type { Catalogue, CountryChoice } from '$core/catalogue';
import type { CatalogueHead, CatalogueVersion } from '$core/catalogue-repository';
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
    call<{ record: CatalogueHistoryEntry }>('POST', '/catalogue/publish', { baseVersion }),
  restore: (version: number, baseVersion: number) =>
    call<{ record: CatalogueHistoryEntry }>('POST', '/catalogue/restore', { version, baseVersion }),
  history: () => call<{ versions: CatalogueHistoryEntry[] }>('GET', '/catalogue/history'),
};
