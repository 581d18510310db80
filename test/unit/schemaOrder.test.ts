import { describe, expect, it } from 'vitest';
import type { Database, SchemaRun } from '../../main/db/database';
import { applySchema } from '../../main/db/schema';

describe('applying the schema', () => {
  it('creates the indexes first, a file at a time in one transaction, then the constraints side by side, and waits once', async () => {
    const steps: string[] = [];
    const db = {
      read: async (name: string) => {
        steps.push(`read ${name}`);
        return [];
      },
      write: async (name: string) => {
        steps.push(`write ${name}`);
        return [];
      },
      applySchemaFile: async (name: string, options: SchemaRun = {}) => {
        steps.push(
          `schema ${options.only ?? 'all'}${options.together ? ' together' : ''}${(options.parallel ?? 1) > 1 ? ' side by side' : ''}`,
        );
        void name;
      },
    } as unknown as Database;
    await applySchema(db);
    const schema = steps.filter((s) => s.startsWith('schema'));
    const firstConstraint = schema.findIndex((s) => s.startsWith('schema constraints'));
    // Every index statement is sent before any constraint, which fills its own index as it is created.
    expect(firstConstraint).toBeGreaterThan(0);
    expect(schema.slice(0, firstConstraint).every((s) => s === 'schema indexes together')).toBe(true);
    expect(schema.slice(firstConstraint).every((s) => s === 'schema constraints side by side')).toBe(true);
    expect(steps.filter((s) => s === 'read db/await-indexes')).toHaveLength(1);
    expect(steps.indexOf('read db/await-indexes')).toBeGreaterThan(steps.lastIndexOf(schema.at(-1) as string));
  });
});
