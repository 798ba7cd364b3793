import { afterAll, beforeAll } from "vitest";
import { drillDatabase, killAll, type DrillDatabase } from "./harness";

// What every drill file sets up and tears down: a database of its own, made before its tests, and after them
// (whatever failed) every process it spawned killed, every receiver it tracked closed, and the database
// dropped. Kept apart from harness.ts, which `npm run bench` also loads outside vitest.

export interface Drill extends DrillDatabase {
  /** Closes `resource` (a webhook receiver) after the file's tests; returns it. */
  track<T extends { close(): Promise<unknown> }>(resource: T): T;
}

export function setUpDrill(poolSize?: number): Drill {
  let made: DrillDatabase | undefined;
  const tracked: { close(): Promise<unknown> }[] = [];
  beforeAll(async () => {
    made = await drillDatabase(poolSize);
  });
  afterAll(async () => {
    await killAll();
    for (const resource of tracked) await resource.close().catch(() => {});
    await made?.drop();
  });
  const need = () => {
    if (!made) throw new Error("the drill's database is made in beforeAll: use it inside a test");
    return made;
  };
  return {
    get name() {
      return need().name;
    },
    get url() {
      return need().url;
    },
    get database() {
      return need().database;
    },
    drop: () => need().drop(),
    track(resource) {
      tracked.push(resource);
      return resource;
    },
  };
}
