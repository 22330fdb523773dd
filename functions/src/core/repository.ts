import type { PublishedYear, YearFigures } from './schema';

/** What the core needs from storage. DynamoDB implements it in `adapters/`. */
export interface FiguresRepository {
  /** Every published year, oldest first. One Query on DynamoDB, never a Scan. */
  listPublished(): Promise<PublishedYear[]>;
  getPublished(year: number): Promise<PublishedYear | undefined>;
  /**
   * Publishes a year that has never been published, as version 1 with its snapshot.
   * Returns false, writing nothing, when the year is already there.
   */
  createPublished(year: YearFigures, by: string, at: string): Promise<boolean>;
}
