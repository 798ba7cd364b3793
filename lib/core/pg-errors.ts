// PostgreSQL's error codes, read through drivers that wrap them (drizzle puts the driver's error in `cause`).

/** A unique index refused the write (23505): two writers raced past a look-up, and the index decided. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
