import { expect, test } from "vitest";
import { reconnectDelaySeconds } from "./client";

test("the pool's pause between connection attempts grows from tens of milliseconds and never passes half a second", () => {
  for (let retries = 0; retries <= 50; retries++) {
    for (let i = 0; i < 20; i++) {
      const delay = reconnectDelaySeconds(retries);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(0.5);
    }
  }
  expect(reconnectDelaySeconds(1)).toBeLessThanOrEqual(0.05);
  // With jitter, the capped delay stays between a quarter and half a second.
  expect(reconnectDelaySeconds(30)).toBeGreaterThanOrEqual(0.25);
});
