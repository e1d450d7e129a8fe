import { afterEach, describe, expect, it } from 'vitest';
import { schemaHas } from '../../src-main/db/schema-facts';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp | undefined;
afterEach(() => app?.close());

describe('answers about the schema, kept per schema version', () => {
  const hasProbe = (app: TempApp) =>
    schemaHas(app.context.db, 'probe table', () =>
      app.context.db.sql(`SELECT 1 FROM main.sqlite_master WHERE name = 'schema_facts_probe'`).pluck().get() !== undefined,
    );

  it('are asked once, and again after the schema changed', async () => {
    app = await openTempApp();
    let asked = 0;
    const ask = () => (asked += 1) > 0;
    schemaHas(app.context.db, 'counted', ask);
    schemaHas(app.context.db, 'counted', ask);
    expect(asked).toBe(1);
    app.context.db.sqlite.exec(`CREATE TABLE schema_facts_probe (id INTEGER)`);
    schemaHas(app.context.db, 'counted', ask);
    expect(asked).toBe(2);

    expect(hasProbe(app)).toBe(true);
    app.context.db.sqlite.exec(`DROP TABLE schema_facts_probe`);
    expect(hasProbe(app)).toBe(false);
  });

  it('are forgotten when a transaction that changed the schema rolls back', async () => {
    app = await openTempApp();
    const { db } = app.context;
    expect(hasProbe(app)).toBe(false);
    // Inside the transaction the table exists; the rollback takes the schema cookie back with it.
    expect(() =>
      db.transaction(() => {
        db.sqlite.exec(`CREATE TABLE schema_facts_probe (id INTEGER)`);
        expect(hasProbe(app!)).toBe(true);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    // A different change reaching the same cookie: an answer kept from the rolled-back transaction would be wrong.
    db.sqlite.exec(`CREATE TABLE schema_facts_other (id INTEGER)`);
    expect(hasProbe(app)).toBe(false);
  });
});
