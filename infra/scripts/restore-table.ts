/**
 * Copies a point-in-time restored table back into the live one (see infra/README.md,
 * "Restore runbook"). Dry run unless --apply: prints what it would put and delete.
 *
 *   npx tsx infra/scripts/restore-table.ts --from <restored> --to <live> [--prune] [--apply]
 *
 * --prune also deletes live items that the restored table does not hold (written after the
 * restore point). Without it, later items are kept and only restored ones are written back.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

export interface RestorePlan {
  readonly put: Item[];
  readonly remove: Item[];
  readonly unchanged: number;
}

const keyOf = (item: Item): string => `${item.pk?.S ?? ''}\u0000${item.sk?.S ?? ''}`;

/** A stable serialisation: attribute order does not make two equal items differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes `live` equal to `restored` (or a superset of it, without prune). */
export function planRestore(restored: Item[], live: Item[], prune: boolean): RestorePlan {
  const liveByKey = new Map(live.map((item) => [keyOf(item), item]));
  const restoredKeys = new Set(restored.map(keyOf));
  const put = restored.filter((item) => {
    const current = liveByKey.get(keyOf(item));
    return !current || canonical(current) !== canonical(item);
  });
  const remove = prune ? live.filter((item) => !restoredKeys.has(keyOf(item))) : [];
  return { put, remove, unchanged: restored.length - put.length };
}

export async function scanAll(client: DynamoDBClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function applyPlan(client: DynamoDBClient, table: string, plan: RestorePlan): Promise<void> {
  const requests: WriteRequest[] = [
    ...plan.put.map((item) => ({ PutRequest: { Item: item } })),
    ...plan.remove.map((item) => ({ DeleteRequest: { Key: { pk: item.pk!, sk: item.sk! } } })),
  ];
  for (let i = 0; i < requests.length; i += 25) {
    let batch = requests.slice(i, i + 25);
    for (let attempt = 0; batch.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`${batch.length} writes still unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
      batch = result.UnprocessedItems?.[table] ?? [];
    }
  }
}

export async function restoreTable(
  client: DynamoDBClient,
  options: { from: string; to: string; prune: boolean; apply: boolean },
  log: (line: string) => void = console.log,
): Promise<RestorePlan> {
  const [restored, live] = await Promise.all([scanAll(client, options.from), scanAll(client, options.to)]);
  const plan = planRestore(restored, live, options.prune);
  log(`${options.from}: ${restored.length} items; ${options.to}: ${live.length} items`);
  log(`to put: ${plan.put.length}, to delete: ${plan.remove.length}, already equal: ${plan.unchanged}`);
  for (const item of plan.put) log(`  put    ${item.pk?.S} ${item.sk?.S}`);
  for (const item of plan.remove) log(`  delete ${item.pk?.S} ${item.sk?.S}`);
  if (!options.apply) {
    log('Dry run: nothing written. Add --apply to write.');
    return plan;
  }
  await applyPlan(client, options.to, plan);
  log(`Written to ${options.to}.`);
  return plan;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      prune: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      endpoint: { type: 'string' },
    },
  });
  if (!values.from || !values.to)
    throw new Error('Usage: restore-table.ts --from <restored> --to <live> [--prune] [--apply]');
  if (values.from === values.to) throw new Error('--from and --to name the same table');
  const client = new DynamoDBClient(values.endpoint ? { endpoint: values.endpoint } : {});
  await restoreTable(client, { from: values.from, to: values.to, prune: values.prune, apply: values.apply });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
