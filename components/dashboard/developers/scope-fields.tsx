import type { KeyFormScope } from "./types";

/** Hidden fields naming the business and mode the page showed when the form was rendered. */
export function ScopeFields({ scope }: { scope: KeyFormScope }) {
  return (
    <>
      <input type="hidden" name="merchantId" value={scope.merchantId} />
      <input type="hidden" name="mode" value={scope.livemode ? "live" : "test"} />
    </>
  );
}
