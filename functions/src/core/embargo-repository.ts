/**
 * Embargoed previews for journalists (issue #16): a link record per signed link, kept so that
 * staff can list and revoke them. The DynamoDB adapter is `adapters/dynamo-embargo.ts`.
 */

/** One embargo link as stored: never shown to the public (who made it stays in the admin). */
export interface EmbargoLink {
  /** Random, 128 bits, base64url: the signed token's `jti`. */
  id: string;
  year: number;
  /** When the figures may be published by the press (ISO 8601, UTC). */
  embargoUntil: string;
  /** When the link stops working (ISO 8601, UTC); also the token's `exp`. */
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface EmbargoRepository {
  /** Writes a new link; throws if its id exists (it never should: 128 random bits). */
  putLink(link: EmbargoLink): Promise<void>;
  /** Strongly consistent: a revocation answers 410 on the very next view. */
  getLink(id: string): Promise<EmbargoLink | undefined>;
  /** Every link (of one year when given), newest first. One Query. */
  listLinks(year?: number): Promise<EmbargoLink[]>;
  /**
   * Marks a link revoked (who, when), once: a link already revoked keeps its first revocation.
   * Undefined when there is no such link.
   */
  revokeLink(id: string, by: string, at: string): Promise<EmbargoLink | undefined>;
}
