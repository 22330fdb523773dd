/**
 * The staff use cases against the in-memory repository (the same cases run on both local
 * DynamoDBs in `adapters/editing-stores.spec.ts`).
 */
import { editingCases } from '../../../test/support/editing-cases';
import { MemoryEditingRepository } from '../../../test/support/memory-repository';

editingCases('in memory', async () => new MemoryEditingRepository());
