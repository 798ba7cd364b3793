"use client";

import { useRef, useState } from "react";

/**
 * Copies `text` to the clipboard. Where there is no clipboard API (a plain-http address) or the browser
 * refuses, the field `input` points at is selected instead, so Ctrl+C / ⌘C copies it: `copied` says which.
 */
export function useCopy(text: string) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }
  return { input, copied, copy };
}
