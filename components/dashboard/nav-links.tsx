"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/dashboard", label: "Home", exact: true },
  { href: "/dashboard/links", label: "Links" },
  { href: "/dashboard/orders", label: "Orders" },
  { href: "/dashboard/messages", label: "Messages" },
  // Only a platform has connected merchants (API.md, "Platforms acting for their merchants").
  { href: "/dashboard/connected", label: "Connected merchants", platform: true },
  { href: "/dashboard/developers", label: "Developers" },
  { href: "/dashboard/settings", label: "Settings" },
];

export function NavLinks({ platform = false }: { platform?: boolean }) {
  const pathname = usePathname();
  const items = ITEMS.filter((item) => platform || !item.platform);
  return (
    <nav aria-label="Dashboard" className="flex gap-1 overflow-x-auto text-sm">
      {items.map((item) => {
        const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 font-medium ${active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
