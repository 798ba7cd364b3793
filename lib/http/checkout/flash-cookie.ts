import { cookies } from "next/headers";
import { decodeFlash, encodeFlash, type Flash } from "@/lib/checkout/flash";
import { getEnv } from "@/lib/core/env";

// The flash (lib/checkout/flash.ts) travels in a signed cookie scoped to the page a post redirects to.

export const FLASH_COOKIE = "paylink_flash";
/** Long enough for the redirect that follows the post; short enough that it is gone by the next visit. */
const FLASH_MAX_AGE_SECONDS = 60;

/**
 * The flash the request carries (for the page's path), or null. Its presence tells a page that this view is
 * the redirect after a refused post, not a new visit.
 */
export async function readFlash(): Promise<Flash | null> {
  const store = await cookies();
  return decodeFlash(store.get(FLASH_COOKIE)?.value, getEnv().AUTH_SECRET);
}

function flashCookie(path: string, value: string, maxAge: number, secure: boolean): string {
  return `${FLASH_COOKIE}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value that hands `flash` to the page at `path`. */
export function setFlashCookie(path: string, flash: Flash, secure: boolean): string {
  return flashCookie(path, encodeFlash(flash, getEnv().AUTH_SECRET), FLASH_MAX_AGE_SECONDS, secure);
}

/** The Set-Cookie value that removes the flash of the page at `path`. */
export function clearFlashCookie(path: string, secure: boolean): string {
  return flashCookie(path, "", 0, secure);
}
