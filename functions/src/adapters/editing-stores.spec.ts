/**
 * The staff use cases on the DynamoDB repository, on dynalite and on DynamoDB Local: the
 * same cases `core/editing.spec.ts` runs in memory, each on a fresh table.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { editingCases } from '../../../test/support/editing-cases';
import { STORE_KINDS, freshTable, startStore } from '../../../test/support/stores';
import type { RunningStore } from '../../local/stores';

describe.each(STORE_KINDS)('on %s', (kind) => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  editingCases(kind, async () => (await freshTable(store)).repo);
});
