/**
 * Orders strings by UTF-16 code units, as `<` does: the same on every machine and engine, unlike
 * `localeCompare`, which depends on the locale and maps ICU's collation tables into the process on
 * first use. For keys (migration names, the ids rows are locked by), not for text people read.
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
