import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, login, register, type Device } from './support/client';
import { describeEngines, startTestServer, type TestServer } from './support/server';

/**
 * Pushes of one account from many connections at once (on PostgreSQL, two server processes' pools on one
 * database), while another device pulls without pause: every batch gets a distinct seq, seqs have no gaps, and
 * the puller, which only ever moves its cursor forward, sees every batch exactly once, in order.
 */
describeEngines('concurrent pushes', (start, engine) => {
  let servers: TestServer[];
  beforeAll(async () => {
    const first = await start();
    servers = [first];
    if (engine === 'postgres') {
      servers.push(await startTestServer({ engine, config: { databaseUrl: first.databaseUrl } }));
    }
  });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.close();
  });

  it('never lets a puller skip a batch', async () => {
    const owner = await register(servers[0].url);
    const email = owner.session.account.email;
    const pushers: Device[] = [];
    for (let i = 0; i < 6; i += 1) pushers.push(await login(servers[i % servers.length].url, email, owner.password, `pusher ${i}`));
    const puller = await login(servers[servers.length - 1].url, email, owner.password, 'puller');
    const rounds = 15;
    const pushed = new Map<string, number>();

    let done = false;
    const seen: number[] = [];
    const pulling = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const answer = await puller.pull(cursor, 7);
        expect(answer.status).toBe(200);
        seen.push(...answer.body.batches.map((b: { seq: number }) => b.seq));
        cursor = answer.body.cursor;
        if (finished && !answer.body.more) return;
      }
    })();
    await Promise.all(
      pushers.map(async (device) => {
        for (let round = 0; round < rounds; round += 1) {
          const batches = [batch(32), batch(32), batch(32)];
          const answer = await device.push(batches);
          expect(answer.status).toBe(200);
          for (const accepted of answer.body.accepted) pushed.set(accepted.id, accepted.seq);
        }
      }),
    );
    done = true;
    await pulling;

    const total = pushers.length * rounds * 3;
    const seqs = [...pushed.values()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(seen).toEqual(seqs);
  });

  it('stores the same batches pushed by several devices at once once, each with one seq', async () => {
    const owner = await register(servers[0].url);
    const email = owner.session.account.email;
    const pushers: Device[] = [];
    for (let i = 0; i < 6; i += 1) pushers.push(await login(servers[i % servers.length].url, email, owner.password, `retrier ${i}`));
    const seqOf = new Map<string, Set<number>>();
    for (let round = 0; round < 8; round += 1) {
      // One device's push retried from every connection at once (a retry racing its own first attempt).
      const batches = [batch(32), batch(32)];
      const answers = await Promise.all(pushers.map((device) => device.push(batches)));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        for (const accepted of answer.body.accepted) seqOf.set(accepted.id, new Set([...(seqOf.get(accepted.id) ?? []), accepted.seq]));
      }
    }
    expect([...seqOf.values()].every((seqs) => seqs.size === 1)).toBe(true);
    const seqs = [...seqOf.values()].map((set) => [...set][0]).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const pulled = await owner.pull(0);
    expect(pulled.body.batches.map((b: { seq: number }) => b.seq)).toEqual(seqs);
  });
});
