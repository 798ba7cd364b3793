import { expect, test } from "vitest";
import { parseEnv } from "@/lib/core/env";
import { deliveryConfig } from "@/lib/jobs/worker";
import { nextRetryDelay } from "./retry";

// The schedule the worker delivers with when WEBHOOK_RETRY_SCHEDULE_SECONDS is not set: the validated
// environment's default, through the worker's own deliveryConfig. Only AUTH_SECRET is required.
const { retrySchedule } = deliveryConfig(parseEnv({ AUTH_SECRET: "x".repeat(32) }));

// The contract (shared/spec/API.md): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the message has failed.
test.each([
  [1, 5],
  [2, 300],
  [3, 1800],
  [4, 7200],
  [5, 18000],
  [6, 36000],
  [7, 36000],
  [8, null],
])("after %i failed attempt(s) the app's schedule waits %s s", (failed, delay) => {
  expect(nextRetryDelay(retrySchedule, failed)).toBe(delay);
});

test("a schedule set in the environment is the one the worker uses", () => {
  const { retrySchedule: shortened } = deliveryConfig(parseEnv({ AUTH_SECRET: "x".repeat(32), WEBHOOK_RETRY_SCHEDULE_SECONDS: "1,2" }));
  expect([1, 2, 3].map((failed) => nextRetryDelay(shortened, failed))).toEqual([1, 2, null]);
});
