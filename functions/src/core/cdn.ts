/** The port through which publishing tells the CDN that pages and answers have changed. */
export interface CdnInvalidator {
  invalidate(paths: string[]): Promise<void>;
}

/** Everything: pages, embeds, API answers and downloads all show published figures. */
export const PUBLISHED_PATHS = ['/*'];

/**
 * What a publication answers when the CDN could not be told: the publication stands (the store
 * has it, the API's origin serves it), but readers may get the CDN's previous copies until they
 * expire (`s-maxage`: a day).
 */
export interface PublicationWarning {
  code: 'CDN_NOT_INVALIDATED';
  message: string;
}

export const CDN_NOT_INVALIDATED: PublicationWarning = {
  code: 'CDN_NOT_INVALIDATED',
  message:
    'Published, but the CDN could not be told: public pages may show the previous figures for up to a day. The technical team is alerted (CdnInvalidationFailures).',
};
