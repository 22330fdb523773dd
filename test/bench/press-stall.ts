/**
 * Whether a burst of PNG downloads stalls the pages served by the same local server: a page's
 * mean latency while `connections` clients ask for print PNGs, divided by its mean latency idle,
 * on one server. A ratio, not a time, so that it holds across machines; the bench measures it
 * with the press pool (the default) and without (`PRESS_THREADS=0`, as on Lambda) in the same run.
 *
 * Alone: `npx tsx test/bench/press-stall.ts` (after `npm run build`) prints both.
 */
import { get } from 'node:http';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

export const STALL_PAGE = '/benevoles';
export const STALL_PNG = '/embed/tendances.png?scale=2';

export interface Stall {
  idle: number;
  loaded: number;
  /** loaded ÷ idle. */
  ratio: number;
  /** The slowest page request under the burst, ms. */
  worst: number;
  pngs: number;
}

/** One page request on a connection of its own (no kept-alive socket a stalled server may drop), ms. */
const pageTime = (origin: string): Promise<number> =>
  new Promise((ok, fail) => {
    const t = performance.now();
    get(`${origin}${STALL_PAGE}`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200
          ? ok(performance.now() - t)
          : fail(new Error(`${STALL_PAGE} answered ${res.statusCode}`)),
      );
    }).on('error', fail);
  });

async function pageTimes(origin: string, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await pageTime(origin));
  return times;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Page latency idle, then under `connections` clients asking for `pngs` print PNGs in all. */
export async function measureStall(
  origin: string,
  o: { connections: number; pngs: number; samples: number },
): Promise<Stall> {
  if (new URL(origin).hostname !== '127.0.0.1') throw new Error(`runs only against 127.0.0.1, not ${origin}`);
  await pageTimes(origin, 5); // warm: the page and the PNG renderer loaded once
  await autocannon({ url: `${origin}${STALL_PNG}`, connections: 1, amount: 1 });
  const idle = mean(await pageTimes(origin, o.samples));
  const burst = autocannon({
    url: `${origin}${STALL_PNG}`,
    connections: o.connections,
    amount: o.pngs,
    timeout: 120,
  });
  // Let the burst fill the server's queue before the first page request.
  await new Promise((r) => setTimeout(r, 300));
  const loaded = await pageTimes(origin, o.samples);
  const result = await burst;
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `PNG burst: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return {
    idle,
    loaded: mean(loaded),
    ratio: mean(loaded) / idle,
    worst: Math.max(...loaded),
    pngs: result['2xx'],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { startSeededStore, startServer } = await import('./system');
  const { store } = await startSeededStore();
  const options = { connections: 50, pngs: 50, samples: 20 };
  try {
    for (const threads of ['', '0']) {
      const server = await startServer(store.endpoint, threads ? { PRESS_THREADS: threads } : {});
      try {
        const s = await measureStall(server.origin, options);
        console.log(
          `${threads === '0' ? 'PRESS_THREADS=0 (request thread)' : 'press pool (default)'}: ${STALL_PAGE} idle ${s.idle.toFixed(1)} ms, ` +
            `under ${options.connections} connections x ${s.pngs} ${STALL_PNG} ${s.loaded.toFixed(1)} ms (worst ${s.worst.toFixed(0)} ms): ratio ${s.ratio.toFixed(1)}`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    await store.stop();
  }
}
