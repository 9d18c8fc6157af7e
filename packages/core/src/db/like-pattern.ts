import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `column LIKE '%text%'`, with the text's own `%`, `_` and `\` matched literally. The ESCAPE
 * clause is spelled out because SQLite, unlike PostgreSQL, has no default escape character.
 * Case-folding is the caller's: compare a lowered column with lowered text.
 */
export function containsText(column: string | Expression<string>, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const target = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${target} like ${pattern} escape '\\'`;
}
