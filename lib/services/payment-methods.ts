import { AppError } from "@/lib/core/errors";
import { methodsRefusal } from "@/lib/payments/methods";

/**
 * Refuses (400 parameter_invalid on `payment_methods`) a link or order offering a method that cannot take
 * its currency or its fixed amount, or, with manual capture, one that cannot hold a payment:
 * lib/payments/methods.ts decides.
 */
export function requireMethodsTake(methods: readonly string[], currency: string, captureMethod?: string, amount: number | null = null): void {
  const refusal = methodsRefusal(methods, currency, captureMethod, amount);
  if (refusal) throw new AppError("parameter_invalid", `Invalid payment_methods: ${refusal}`, { param: "payment_methods" });
}
