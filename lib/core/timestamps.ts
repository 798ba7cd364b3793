import { z } from "zod";

// PostgreSQL has no year 0 and JavaScript writes years past 9999 as "+010000": a time whose offset carries it
// outside 0001–9999 UTC (0001-01-01T00:00:00+01:00) would fail the query it is compared or stored in.
const EARLIEST_TIME = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST_TIME = Date.parse("9999-12-31T23:59:59.999Z");

/** An ISO 8601 time with an offset, within the years 0001 to 9999 in UTC. */
export const timestampSchema = z.iso
  .datetime({ offset: true, error: "Must be an ISO 8601 time, such as 2026-05-25T10:00:00Z." })
  .refine((v) => {
    const time = Date.parse(v);
    return time >= EARLIEST_TIME && time <= LATEST_TIME;
  }, "Must be a time between the years 0001 and 9999 (UTC).");

/** A query's time bound as the database takes it, or undefined when the parameter was not given. */
export function toDate(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}
