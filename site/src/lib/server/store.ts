/**
 * The repository the server-side `load` functions read from: the same DynamoDB adapter the
 * API functions use, configured from the environment (TABLE_NAME, DYNAMODB_ENDPOINT), behind
 * the core's resilient decorator. When the store is down or slow, pages keep showing the last
 * published figures this process read, and `figuresStale()` tells the layout to say so.
 */
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { env } from '$env/dynamic/private';
import { createDocumentClient, storeConfigFromEnv } from '$adapters/dynamo-client';
import { DynamoFiguresRepository } from '$adapters/dynamo-repository';
import { AppMetric, observability } from '$adapters/observability';
import { publishedCache, snapshotVersion } from '$core/published-cache';
import type { FiguresRepository } from '$core/repository';
import type { PublishedYear } from '$core/schema';
import { resilientRepository, type ResilientFiguresRepository } from '$core/resilient-repository';

let repo: ResilientFiguresRepository | undefined;

/** Requests (by their `locals`) that were answered from memory at least once. */
const staleRequests = new WeakSet<object>();

function currentLocals(): object | undefined {
  try {
    return getRequestEvent().locals;
  } catch {
    return undefined; // called outside a request (e.g. while prerendering)
  }
}

/**
 * One read of the published years per request, shared by the hook, the layout and the page
 * (outside a request, every call reads).
 */
function oncePerRequest(inner: FiguresRepository): FiguresRepository {
  const lists = new WeakMap<object, Promise<PublishedYear[]>>();
  const listPublished = (): Promise<PublishedYear[]> => {
    const locals = currentLocals();
    if (!locals) return inner.listPublished();
    let list = lists.get(locals);
    if (!list) {
      list = inner.listPublished();
      lists.set(locals, list);
      list.catch(() => lists.delete(locals));
    }
    return list;
  };
  return {
    listPublished,
    getPublished: (year) => inner.getPublished(year),
    createPublished: (year, by, at) => inner.createPublished(year, by, at),
  };
}

let dynamo: DynamoFiguresRepository | undefined;

/**
 * The table itself, through one client (one pool of connections) for every reader in this
 * process: the published figures below, a chart's history for its correction notes.
 */
export function table(): DynamoFiguresRepository {
  if (!dynamo) {
    const config = storeConfigFromEnv(env);
    dynamo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);
  }
  return dynamo;
}

export function figures(): ResilientFiguresRepository {
  if (!repo) {
    // Every request reads one small stamp item, and every year again only after a publication.
    const published = publishedCache(table());
    repo = resilientRepository(oncePerRequest(published), {
      timeoutMs: Number(env.STORE_TIMEOUT_MS) || 1000,
      // Off unless asked: a page must show a publication, and an outage, on the next request.
      freshForMs: Number(env.STORE_FRESH_MS) || 0,
      onStale: () => {
        const locals = currentLocals();
        // One count per answer served stale (page or embed), however many reads it made.
        if (locals && !staleRequests.has(locals)) observability().count(AppMetric.StaleAnswers);
        if (locals) staleRequests.add(locals);
      },
      onStoreError: (operation, cause) =>
        observability().logger.warn('figures store failed; serving the last figures read', {
          operation,
          error: String(cause),
        }),
    });
  }
  return repo;
}

/**
 * Whether this request shows figures from memory rather than from the store. Reads every
 * published year (sharing the store call with a page reading them at the same time); with
 * nothing in memory and no store, answers 503 rather than an empty page.
 */
export async function figuresStale(): Promise<boolean> {
  try {
    const { stale } = await figures().readPublishedYears();
    const locals = currentLocals();
    return stale || (locals !== undefined && staleRequests.has(locals));
  } catch (cause) {
    observability().logger.error('figures store unavailable, nothing in memory', { error: String(cause) });
    error(503, {
      message: 'Les chiffres sont momentanément indisponibles. / The figures are unavailable for a moment.',
      code: 'STORE_UNAVAILABLE',
    });
  }
}

/**
 * The version of the published figures this request sees (one small store read), named by the
 * figures themselves: every published year with its version (`snapshotVersion`). Undefined when
 * the figures come from memory or cannot be read, so that nothing is cached from such an answer.
 */
export async function publishedVersion(): Promise<string | undefined> {
  try {
    const { value, stale } = await figures().readPublishedYears();
    return stale ? undefined : snapshotVersion(value);
  } catch {
    return undefined; // the page itself answers 503 and says why
  }
}

/** Whether this request showed figures from memory: for hooks, so that such an answer is not cached. */
export const servedStale = (locals: object): boolean => staleRequests.has(locals);
