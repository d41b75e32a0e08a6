import { describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';
import { providerCheck, runReadinessChecks } from './readiness';

describe('readiness checks', () => {
  it('names a provider nothing listens on as a refused connection, without its URL', async () => {
    const port = await getFreePort();
    const states = await runReadinessChecks([providerCheck(`http://127.0.0.1:${port}/realms/x`)]);
    expect(states.provider).toMatchObject({ status: 'failed', message: 'cannot connect (ECONNREFUSED)' });
  });

  it('fails a check that does not answer in time, saying how long it waited', async () => {
    const states = await runReadinessChecks([{ name: 'slow', check: () => new Promise(() => {}) }], 50);
    expect(states.slow).toMatchObject({ status: 'failed', message: 'no answer within 50 ms' });
    expect(states.slow!.ms).toBeGreaterThanOrEqual(45);
  });

  it('never repeats an error text, which may hold a URL with credentials', async () => {
    const states = await runReadinessChecks([
      { name: 'store', check: () => Promise.reject(new Error('connect to redis://admin:s3cret@cache:6379 failed')) },
      { name: 'fine', check: () => Promise.resolve() },
    ]);
    expect(states.store).toMatchObject({ status: 'failed', message: 'failed' });
    expect(JSON.stringify(states)).not.toContain('s3cret');
    expect(states.fine).toMatchObject({ status: 'ok' });
  });
});

describe('the /readyz route', () => {
  it('shares one run of the checks among requests less than a second apart, and runs them again after', async () => {
    const { createReadinessRoute } = await import('./readiness');
    let runs = 0;
    let t = 0;
    const route = createReadinessRoute([{ name: 'provider', check: async () => void (runs += 1) }], 1000, () => t);
    const ask = () =>
      new Promise<number>((resolve) => {
        const res = { statusCode: 200, set: () => res, status: (code: number) => ((res.statusCode = code), res), json: () => resolve(res.statusCode) };
        route({} as never, res as never, () => resolve(-1));
      });
    expect(await Promise.all([ask(), ask(), ask()])).toEqual([200, 200, 200]);
    t = 999;
    await ask();
    expect(runs).toBe(1);
    t = 1000;
    await ask();
    expect(runs).toBe(2);
  });
});
