/**
 * autocannon against 127.0.0.1 only, bounded in requests and in time. Every answer that is
 * not a 2xx counts as an error.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  /**
   * Mean time per request, ms, from the run's duration and count: autocannon keeps latencies to
   * the millisecond, too coarse for a request that takes less. At one connection, the service time.
   */
  mean: number;
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were: status codes, connection errors, timeouts. */
  errorKinds: string;
  seconds: number;
}

/** `paths`, when given, are cycled through by every connection (a mixed run). */
export async function load(
  url: string,
  options: { connections: number; amount: number; maxSeconds: number; paths?: string[] },
): Promise<LoadResult> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`load runs only against 127.0.0.1, not ${url}`);
  const started = performance.now();
  let stoppedEarly = false;
  const instance = autocannon({
    url,
    connections: options.connections,
    amount: options.amount,
    timeout: 10,
    ...(options.paths ? { requests: options.paths.map((path) => ({ path })) } : {}),
  });
  const guard = setTimeout(() => {
    stoppedEarly = true;
    instance.stop();
  }, options.maxSeconds * 1000);
  const result = await instance;
  clearTimeout(guard);
  const done = result['2xx'];
  return {
    requests: result.requests.sent,
    rps: result.requests.average,
    mean: (result.duration * 1000 * options.connections) / Math.max(1, result['2xx'] + result.non2xx),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + (stoppedEarly ? options.amount - done : 0),
    errorKinds: [
      ...Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => `${count} x ${code}`),
      ...(result.errors ? [`${result.errors} connection errors`] : []),
      ...(result.timeouts ? [`${result.timeouts} timeouts`] : []),
      ...(stoppedEarly ? [`stopped after ${options.maxSeconds} s`] : []),
    ].join(', '),
    seconds: (performance.now() - started) / 1000,
  };
}
