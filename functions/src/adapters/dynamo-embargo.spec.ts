/** The embargo links' store on both local DynamoDBs, and the core's access rules over it. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningStore } from '../../local/stores';
import { STORE_KINDS, freshTable, startStore } from '../../../test/support/stores';
import { createDocumentClient } from './dynamo-client';
import { DynamoEmbargoRepository } from './dynamo-embargo';
import { createEmbargoLink, resolveEmbargo, revokeEmbargoLink } from '../core/embargo';
import type { EmbargoLink } from '../core/embargo-repository';

const secret = new TextEncoder().encode('a test secret of more than thirty-two characters');
const link = (id: string, createdAt: string, year = 2026): EmbargoLink => ({
  id,
  year,
  embargoUntil: '2026-03-10T09:00:00.000Z',
  expiresAt: '2026-03-12T09:00:00.000Z',
  createdAt,
  createdBy: 'publisher@example.org',
});

describe.each(STORE_KINDS)('embargo links on %s', (kind) => {
  let store: RunningStore;
  let links: DynamoEmbargoRepository;

  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    const { config } = await freshTable(store);
    links = new DynamoEmbargoRepository(createDocumentClient(config), config.tableName);
  });

  it('keeps links, lists them newest first (of one year when asked) and finds one by id', async () => {
    await links.putLink(link('a', '2026-03-01T10:00:00.000Z'));
    await links.putLink(link('b', '2026-03-02T10:00:00.000Z'));
    await links.putLink(link('c', '2026-03-03T10:00:00.000Z', 2025));
    expect((await links.listLinks()).map((l) => l.id)).toEqual(['c', 'b', 'a']);
    expect((await links.listLinks(2026)).map((l) => l.id)).toEqual(['b', 'a']);
    expect(await links.getLink('a')).toEqual(link('a', '2026-03-01T10:00:00.000Z'));
    expect(await links.getLink('nope')).toBeUndefined();
    await expect(links.putLink(link('a', '2026-03-04T10:00:00.000Z'))).rejects.toThrow();
  });

  it('revokes once: the first revocation stands, an unknown link is undefined', async () => {
    await links.putLink(link('a', '2026-03-01T10:00:00.000Z'));
    const first = await links.revokeLink('a', 'one@example.org', '2026-03-05T10:00:00.000Z');
    const again = await links.revokeLink('a', 'two@example.org', '2026-03-06T10:00:00.000Z');
    expect(first).toMatchObject({ revokedAt: '2026-03-05T10:00:00.000Z', revokedBy: 'one@example.org' });
    expect(again).toEqual(first);
    expect(await links.revokeLink('nope', 'one@example.org', '2026-03-05T10:00:00.000Z')).toBeUndefined();
  });

  it('lets a link in until it is revoked or expires, and a forged or altered token never', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const hasDraft = async (year: number) => year === 2026;
    const { link: made, token } = await createEmbargoLink(
      { links, hasDraft, secret },
      2026,
      { embargoUntil: '2026-03-10T10:00', expiresAt: '2026-03-12T10:00' },
      'publisher@example.org',
      now,
    );
    expect(made).toMatchObject({
      year: 2026,
      embargoUntil: '2026-03-10T09:00:00.000Z',
      expiresAt: '2026-03-12T09:00:00.000Z',
      createdBy: 'publisher@example.org',
    });
    const at = (iso: string) => ({ links, secret, now: new Date(iso) });
    expect(await resolveEmbargo(token, at('2026-03-05T00:00:00Z'))).toEqual({ status: 'ok', link: made });
    expect(await resolveEmbargo(token, at('2026-03-12T09:00:00Z'))).toEqual({ status: 'gone' });

    const [h, p, s] = token.split('.') as [string, string, string];
    const altered = `${h}.${Buffer.from(JSON.stringify({ jti: 'other', aud: 'cimade-embargo', exp: 4e9 })).toString('base64url')}.${s}`;
    const otherKey = new TextEncoder().encode('another secret, also more than thirty-two characters');
    const { token: foreign } = await createEmbargoLink(
      { links, hasDraft, secret: otherKey },
      2026,
      { embargoUntil: '2026-03-10T10:00', expiresAt: '2026-03-12T10:00' },
      'x@example.org',
      now,
    );
    for (const bad of [altered, foreign, `${h}.${p}.${s.slice(0, -2)}xx`, 'not-a-token', `${h}.${p}.`])
      expect(await resolveEmbargo(bad, at('2026-03-05T00:00:00Z')), bad).toEqual({ status: 'not-found' });

    await revokeEmbargoLink(links, made.id, 'publisher@example.org', new Date('2026-03-05T00:00:00Z'));
    expect(await resolveEmbargo(token, at('2026-03-05T00:00:01Z'))).toEqual({ status: 'gone' });
  });
});
