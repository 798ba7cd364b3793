import Link from "next/link";
import { DataTable, RowHeader, TimeCell, cell } from "@/components/dashboard/data-table";
import { formatDate } from "@/components/dashboard/links/format";
import { isCountryCode } from "@/lib/geo/countries";
import { formatCountry } from "@/lib/i18n/format";
import type { MerchantObject } from "@/lib/merchants/serialize";

/** A country as a reader knows it; a code the list of countries lacks (never stored) as it is. */
export function countryLabel(code: string): string {
  return isCountryCode(code) ? formatCountry(code) : code;
}

/** One page of a platform's connected merchants, newest first; each name opens the merchant read-only. */
export function ConnectedMerchantsTable({ merchants }: { merchants: MerchantObject[] }) {
  return (
    <DataTable caption="Connected merchants, newest first" columns={["Name", "ID", "Country", "Currency", "Created"]}>
      {merchants.map((m) => (
        <tr key={m.id} data-testid="connected-merchant-row">
          <RowHeader emphasis="medium">
            <Link href={`/dashboard/connected/${m.id}`} className="text-indigo-700 hover:underline">
              {m.name}
            </Link>
          </RowHeader>
          <td className={`${cell} font-mono text-xs`}>{m.id}</td>
          <td className={cell}>{countryLabel(m.country)}</td>
          <td className={cell}>{m.default_currency}</td>
          <TimeCell dateTime={m.created_at}>{formatDate(m.created_at)}</TimeCell>
        </tr>
      ))}
    </DataTable>
  );
}
