import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../../test/support/bundle';
import { AppMetric, instrumented, METRICS_NAMESPACE, observability } from './observability';

/** The JSON lines written to stdout and stderr while `run` runs (Powertools writes there; CloudWatch reads both). */
async function captured(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const spy = (stream: NodeJS.WriteStream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n'));
      return true;
    });
  const spies = [spy(process.stdout), spy(process.stderr)];
  try {
    await run();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

afterEach(() => observability().metrics.clearMetrics());

describe('observability', () => {
  it('is one set per process, whichever copy of the module asks', () => {
    expect(observability()).toBe(observability());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('cimade-en-chiffres.observability')]).toBe(
      observability(),
    );
  });

  it('logs with the invocation context and publishes what the invocation counted as EMF, once, when it returns', async () => {
    const handler = instrumented(async (event: { stale: number }) => {
      for (let i = 0; i < event.stale; i++) observability().count(AppMetric.StaleAnswers);
      observability().logger.info('answered', { path: '/' });
      return 'ok';
    });
    const lines = await captured(() => handler({ stale: 2 }, lambdaContext('req-obs') as never));
    expect(lines.find((l) => l.message === 'answered')).toMatchObject({
      level: 'INFO',
      function_request_id: 'req-obs',
      function_name: 'cimade-test-function',
      path: '/',
    });
    const emf = lines.filter((l) => '_aws' in l);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: METRICS_NAMESPACE,
            Dimensions: [['service']],
            Metrics: [{ Name: 'StaleAnswers', Unit: 'Count' }],
          },
        ],
      },
      service: 'cimade-en-chiffres',
      // One value per count: CloudWatch's Sum over the minute is 2.
      StaleAnswers: [1, 1],
    });
    // Nothing counted, nothing published (and no warning about it).
    expect(await captured(() => handler({ stale: 0 }, lambdaContext('req-2') as never))).toHaveLength(1);
  });
});
