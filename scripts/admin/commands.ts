import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/memberships";
import { findUserByEmail } from "@/db/queries/users";
import { merchants } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { createApiKey } from "@/lib/services/create-api-key";
import { enablePlatform } from "@/lib/services/enable-platform";
import { createOnerwayCredentials } from "@/lib/services/onerway-credentials";
import { signUp } from "@/lib/services/sign-up";
import type { AdminCommand } from "./cli.ts";

// The admin commands: thin wrappers over the services the app uses, answering in the API's snake_case.

type Command<C extends AdminCommand["command"]> = Extract<AdminCommand, { command: C }>;

// signUp's field names, as the flags that carry them.
const FLAG_OF: Record<string, string> = { businessName: "name" };

export async function createMerchantCommand(db: Db, input: Command<"create-merchant">) {
  try {
    const { userId, merchantId } = await signUp(db, {
      email: input.email,
      password: input.password,
      businessName: input.name,
      country: input.country,
      currency: input.currency,
    }, { verified: true }); // the operator vouches for the address
    return { user_id: userId, merchant_id: merchantId };
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const field = String(issue?.path[0] ?? "");
      const flag = FLAG_OF[field] ?? field;
      throw new AppError("parameter_invalid", `Invalid --${flag}: ${issue?.message ?? "check the value."}`, { param: flag });
    }
    if (error instanceof AppError && error.code === "resource_conflict") {
      throw new AppError("resource_conflict", `A user with the email ${input.email.trim()} already exists.`, { param: "email" });
    }
    throw error;
  }
}

export async function createApiKeyCommand(db: Db, input: Command<"create-api-key">) {
  const merchantId = await resolveMerchant(db, input.merchant);
  const key = await createApiKey(db, { merchantId, livemode: input.livemode }, { name: input.name });
  return { id: key.id, secret: key.secret, livemode: key.livemode, merchant_id: merchantId };
}

/** `authSecret` must be the app's AUTH_SECRET: the key is sealed with it, and the app opens it with its own. */
export async function createOnerwayCredentialsCommand(db: Db, input: Command<"create-onerway-credentials">, authSecret: string) {
  const merchantId = await resolveMerchant(db, input.merchant);
  return createOnerwayCredentials(db, { merchantId, livemode: input.livemode }, authSecret);
}

/** The contract's answer (API.md, "Platforms acting for their merchants"): `{"merchant_id", "platform": true}`. */
export async function enablePlatformCommand(db: Db, input: Command<"enable-platform">) {
  const merchantId = await resolveMerchant(db, input.merchant);
  const enabled = await enablePlatform(db, { merchantId, by: "operator" });
  return { merchant_id: enabled.merchantId, platform: enabled.platform };
}

/** A merchant id as given, or the one business an email's user owns. */
async function resolveMerchant(db: Db, reference: string): Promise<string> {
  if (reference.includes("@")) {
    const user = await findUserByEmail(db, reference);
    if (!user) throw new AppError("resource_missing", `No user has the email ${reference}.`, { param: "merchant" });
    const owned = (await listMembershipsForUser(db, { userId: user.id })).filter((m) => m.role === "owner");
    if (owned.length === 1) return owned[0]!.merchant.id;
    if (owned.length === 0) throw new AppError("resource_missing", `${reference} owns no business.`, { param: "merchant" });
    const ids = owned.map((m) => `${m.merchant.id} (${m.merchant.name})`).join(", ");
    throw new AppError("parameter_invalid", `${reference} owns ${owned.length} businesses: ${ids}. Pass --merchant with one of these ids.`, {
      param: "merchant",
    });
  }
  if (!/^mch_[0-9A-Za-z]+$/.test(reference)) {
    throw new AppError("parameter_invalid", "--merchant must be a merchant id (mch_…) or the email of its owner.", { param: "merchant" });
  }
  const [row] = await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, reference)).limit(1);
  if (!row) throw new AppError("resource_missing", `No merchant has the id ${reference}.`, { param: "merchant" });
  return row.id;
}
