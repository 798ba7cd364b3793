import { expect, test } from "vitest";
import { nextRetryDelay } from "./retry";

const CONTRACT = [5, 300, 1800, 7200, 18000, 36000, 36000];

test.each([
  [1, 5],
  [2, 300],
  [3, 1800],
  [4, 7200],
  [5, 18000],
  [6, 36000],
  [7, 36000],
  [8, null],
])("after %i failed attempt(s) the next comes after %s s", (failed, delay) => {
  expect(nextRetryDelay(CONTRACT, failed)).toBe(delay);
});
