let counter = 0;

/** An email nobody else in the run uses, so tests can share one database without clashing. */
export function uniqueEmail(tag = "user"): string {
  counter += 1;
  return `${tag}-${Date.now()}-${process.pid}-${counter}@example.test`;
}
