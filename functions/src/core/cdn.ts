/** The port through which publishing tells the CDN that pages and answers have changed. */
export interface CdnInvalidator {
  invalidate(paths: string[]): Promise<void>;
}

/** Everything: pages, embeds, API answers and downloads all show published figures. */
export const PUBLISHED_PATHS = ['/*'];
