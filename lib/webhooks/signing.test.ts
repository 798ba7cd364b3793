import { Webhook } from "standardwebhooks";
import { expect, test } from "vitest";
import { activeSecrets, newWebhookSecret, signWebhook } from "./signing";

test("a delivery signed with the current secret verifies with the standardwebhooks library", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "evt_1", type: "order.paid" });
  const headers = signWebhook([secret], "evt_1", new Date(), body);
  expect(new Webhook(secret).verify(body, headers)).toEqual({ id: "evt_1", type: "order.paid" });
});

test("during a rotation both the old and the new secret verify the same delivery", () => {
  const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
  const body = '{"id":"evt_2"}';
  const headers = signWebhook(activeSecrets(newSecret, oldSecret, new Date(Date.now() + 3600_000)), "evt_2", new Date(), body);
  expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
  expect(new Webhook(oldSecret).verify(body, headers)).toEqual({ id: "evt_2" });
  expect(new Webhook(newSecret).verify(body, headers)).toEqual({ id: "evt_2" });
  expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
});

test("a tampered body or an old timestamp does not verify", () => {
  const secret = newWebhookSecret();
  const headers = signWebhook([secret], "evt_3", new Date(), '{"amount":100}');
  expect(() => new Webhook(secret).verify('{"amount":999}', headers)).toThrow();
  const stale = signWebhook([secret], "evt_3", new Date(Date.now() - 3600_000), '{"amount":100}');
  expect(() => new Webhook(secret).verify('{"amount":100}', stale)).toThrow();
});

test("the previous secret stops signing when its 24 hours are over", () => {
  expect(activeSecrets("whsec_new", "whsec_old", new Date(Date.now() - 1))).toEqual(["whsec_new"]);
  expect(activeSecrets("whsec_new", null, null)).toEqual(["whsec_new"]);
});
