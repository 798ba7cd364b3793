import { ensureBuild } from "@/scripts/lib/build";
import { ROOT } from "./harness";

/** The drills run the real app: make sure the production build is there (SKIP_BUILD=1 reuses it). */
export default function setup() {
  ensureBuild(ROOT);
}
