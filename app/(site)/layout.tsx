import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import "../globals.css";

// Geist Mono as geist/font/mono declares it, but not preloaded: only some dashboard pages and the receipt's
// order ID use it, yet its preload made every page, the checkout included, fetch 70 KB at high priority
// beside the CSS and the text font over a phone's connection (the checkout's Lighthouse mobile LCP went from
// about 3.1 s to 1.6 s without it). Where mono text appears, it loads then (display: swap).
const GeistMono = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Roboto Mono", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", "Courier New", "monospace"],
  weight: "100 900",
  preload: false,
});

export const metadata: Metadata = {
  title: { default: "Paylink", template: "%s · Paylink" },
  description: "Self-hosted payment links and hosted checkout.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: the Content-Security-Policy allows only scripts with this response's
// nonce (proxy.ts), and a page prerendered at build time would carry scripts without it.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
