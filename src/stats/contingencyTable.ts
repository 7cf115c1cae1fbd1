import { argumentError } from "../errors";

/** A validated r × c table of counts with its margins. */
export interface Margins {
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/**
 * Checks that `table` is a rectangular r × c array (r, c ≥ 2) of non-negative integer counts
 * with no empty row or column, and returns its margins.
 */
export function tableMargins(table: readonly (readonly number[])[], name = "table"): Margins {
  if (!Array.isArray(table) || table.length < 2) throw argumentError(name, "must have at least 2 rows", table?.length);
  const columns = table[0]?.length ?? 0;
  if (columns < 2) throw argumentError(name, "must have at least 2 columns", columns);
  const rowTotals = table.map((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw argumentError(`${name}[${i}]`, `must have ${columns} cells like the first row`, row?.length);
    }
    return row.reduce((sum, count, j) => {
      if (!Number.isSafeInteger(count) || count < 0) throw argumentError(`${name}[${i}][${j}]`, "must be a non-negative integer", count);
      return sum + count;
    }, 0);
  });
  const columnTotals = Array.from({ length: columns }, (_, j) => table.reduce((sum, row) => sum + (row[j] as number), 0));
  rowTotals.forEach((t, i) => {
    if (t === 0) throw argumentError(`${name}[${i}]`, "is an empty row (all counts 0)", t);
  });
  columnTotals.forEach((t, j) => {
    if (t === 0) throw argumentError(`${name}`, `has an empty column ${j} (all counts 0)`, t);
  });
  return { rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}
