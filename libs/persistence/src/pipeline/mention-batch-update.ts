/**
 * One UPDATE … FROM unnest(…) for a batch of mention rows, built from parts (labels, routing) so that a caller
 * needing both writes each row once. Why it matters: the mention table carries many indexes (a GIN text index
 * among them) and a pipeline write changes indexed columns, so every statement that touches a row rewrites the
 * row and all its index entries (no HOT update); the number of statements per mention is what the pipeline pays.
 */
import type { EntityManager } from 'typeorm';

/** One column of the unnested batch: `v.<name>`, of SQL type `type`, one value per row (in the rows' order). */
export interface BatchInput {
  name: string;
  type: string;
  values: unknown[];
}

/** What a part of the batch writes: its inputs, and column ← SQL expression over `v` (and `m`, the row as stored). */
export interface BatchPart {
  inputs: BatchInput[];
  sets: [column: string, value: string][];
}

/**
 * Applies the parts to the rows `ids` (the parts' values in the same order) in one statement. `onlyChanged`:
 * rows whose columns already hold the values are left alone. Returns the ids written.
 */
export async function updateMentionBatch(
  manager: Pick<EntityManager, 'query'>,
  ids: string[],
  parts: BatchPart[],
  options: { onlyChanged?: boolean } = {},
): Promise<string[]> {
  if (ids.length === 0) return [];
  const inputs = parts.flatMap((part) => part.inputs);
  const sets = parts.flatMap((part) => part.sets);
  const arrays = inputs.map((input, index) => `$${index + 2}::${input.type}[]`);
  const differs = `(${sets.map(([column]) => `m.${column}`).join(', ')}) IS DISTINCT FROM (${sets.map(([, value]) => value).join(', ')})`;
  // An UPDATE answers [rows, count] through TypeORM.
  const [written]: [{ id: string }[], number] = await manager.query(
    `UPDATE mention m SET ${sets.map(([column, value]) => `${column} = ${value}`).join(', ')}
       FROM unnest($1::bigint[], ${arrays.join(', ')}) AS v(id, ${inputs.map((input) => input.name).join(', ')})
      WHERE m.id = v.id${options.onlyChanged ? ` AND ${differs}` : ''}
      RETURNING m.id::text AS id`,
    [ids, ...inputs.map((input) => input.values)],
  );
  return written.map((row) => row.id);
}
