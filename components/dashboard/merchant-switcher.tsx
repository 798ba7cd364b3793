import type { MerchantMembership } from "@/db/queries/memberships";

/** A plain form, so switching works before (or without) any JavaScript. */
export function MerchantSwitcher({
  memberships,
  currentId,
  action,
}: {
  memberships: MerchantMembership[];
  currentId: string;
  action: (formData: FormData) => Promise<void>;
}) {
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor="merchant-switcher" className="sr-only">
        Business
      </label>
      <select
        id="merchant-switcher"
        name="merchantId"
        defaultValue={currentId}
        className="max-w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {memberships.map(({ merchant, role }) => (
          <option key={merchant.id} value={merchant.id}>
            {merchant.name} ({role})
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-100">
        Switch
      </button>
    </form>
  );
}
