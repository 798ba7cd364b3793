import { connect } from "node:net";
import { expect, test } from "vitest";
import { startMailCatcher } from "./mail-catcher";

// The benchmark's and the drills' SMTP server outlives clients that vanish mid-conversation: a worker killed
// while sending resets its connection, and an "error" with no listener would end the test process with it.
test("clients resetting their connections are kept as errors, not thrown", async () => {
  const catcher = await startMailCatcher();
  try {
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(catcher.port, "127.0.0.1");
        socket.once("error", reject);
        // Greeting, EHLO, MAIL FROM — then a RST in the middle of the transaction (what a SIGKILL does to a live
        // socket; outside a transaction smtp-server ignores a reset itself).
        const steps = ["EHLO drill.test\r\n", "MAIL FROM:<worker@drill.test>\r\n"];
        socket.on("data", (chunk: Buffer) => {
          if (!/^(220|250) /m.test(chunk.toString())) return;
          const next = steps.shift();
          if (next) return void socket.write(next);
          socket.resetAndDestroy();
          resolve();
        });
      });
    }
    await expect.poll(() => catcher.connectionErrors.length, { timeout: 5_000 }).toBe(3);
  } finally {
    await catcher.close();
  }
});
