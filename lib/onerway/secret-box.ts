import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// The Onerway-compatible secret keys at rest: AES-256-GCM under a key derived from AUTH_SECRET (HKDF-SHA256,
// its own label), so a copy of the database alone does not hold usable keys. Rotating AUTH_SECRET makes the
// stored keys unreadable: the merchants then create new ones (Developers → Onerway-compatible API).

function boxKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "paylink", "onerway secret keys v1", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealSecret(plaintext: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(authSecret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The sealed secret, or null when it was sealed under another AUTH_SECRET (or is not a sealed value). */
export function openSecret(sealed: string, authSecret: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const authTag = Buffer.from(tag, "base64url");
    if (authTag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", boxKey(authSecret), Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
