import type { Flash } from "@/lib/checkout/flash";
import { SUBMISSION_FIELD, selectedMethod } from "@/lib/checkout/form";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/payments/methods";
import { PrimaryButton } from "./buttons";
import styles from "./checkout.module.css";
import { ErrorSummary } from "./error-summary";
import { CheckoutField } from "./field";

export interface PaymentFormProps {
  /** Where the form posts: /l/{token}/pay or /o/{token}/pay. */
  action: string;
  methods: readonly PaymentMethod[];
  collectEmail: boolean;
  collectName: boolean;
  /** The formatted amount for the Pay button; null when the buyer chooses it. */
  amount: string | null;
  /** Set when the buyer chooses the amount. */
  customAmount?: { preset: string; hint: string } | null;
  /** Pre-filled values (an API order's customer); the flash's win, since the buyer typed them last. */
  defaults: { email?: string | null; name?: string | null };
  flash: Flash | null;
  /** A one-time key that makes a double-tapped Pay button a single payment. */
  submission: string;
  /** Who the buyer pays: the SEPA mandate names them. */
  merchantName: string;
}

const methodId = (method: string) => `checkout-method-${method}`;

/**
 * The checkout form, server-rendered and working without JavaScript: a plain POST to a route handler.
 * Card fields are always in the HTML; CSS hides them while another method is checked.
 */
export function PaymentForm({ action, methods, collectEmail, collectName, amount, customAmount, defaults, flash, submission, merchantName }: PaymentFormProps) {
  const errors = flash?.errors ?? {};
  const checked = selectedMethod(methods, flash?.method);
  const offersCard = methods.includes("card");
  const offersSepa = methods.includes("sepa_debit");
  return (
    <form method="post" action={action} noValidate className={`${styles.form} space-y-5`}>
      <ErrorSummary errors={errors} methodTarget={methods[0] ? methodId(methods[0]) : undefined} />
      <input type="hidden" name={SUBMISSION_FIELD} value={submission} />

      {customAmount ? (
        <CheckoutField
          name="amount"
          label="Amount"
          hint={customAmount.hint}
          error={errors.amount}
          defaultValue={flash?.amount ?? customAmount.preset}
          inputMode="decimal"
          autoComplete="off"
          required
        />
      ) : null}

      {collectEmail ? (
        <CheckoutField
          name="email"
          label="Email"
          type="email"
          error={errors.email}
          defaultValue={flash?.email ?? defaults.email ?? ""}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
        />
      ) : null}
      {collectName ? (
        <CheckoutField name="name" label="Full name" error={errors.name} defaultValue={flash?.name ?? defaults.name ?? ""} autoComplete="name" required />
      ) : null}

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">Payment method</legend>
        {errors.method ? (
          <p id="checkout-method-error" className="text-sm font-medium text-red-700">
            {errors.method}
          </p>
        ) : null}
        <div className="grid grid-cols-2 gap-2">
          {methods.map((method) => (
            <label
              key={method}
              htmlFor={methodId(method)}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 has-checked:border-slate-900 has-checked:ring-2 has-checked:ring-slate-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-slate-900"
            >
              <input
                id={methodId(method)}
                type="radio"
                name="method"
                value={method}
                defaultChecked={method === checked}
                aria-describedby={errors.method ? "checkout-method-error" : undefined}
                className="size-4 accent-slate-900"
              />
              {PAYMENT_METHOD_LABELS[method]}
            </label>
          ))}
        </div>
      </fieldset>

      {offersCard ? (
        <fieldset className={`${styles.cardFields} space-y-4`}>
          <legend className="mb-2 text-sm font-medium text-slate-900">Card details</legend>
          <CheckoutField
            name="cardNumber"
            label="Card number"
            error={errors.cardNumber}
            inputMode="numeric"
            autoComplete="cc-number"
            autoCorrect="off"
            spellCheck={false}
            maxLength={23}
            placeholder="1234 1234 1234 1234"
          />
          <div className="grid grid-cols-2 gap-3">
            {/* Text, not numeric: phone number pads have no "/" for MM/YY. */}
            <CheckoutField name="expiry" label="Expiry date" hint="MM/YY" error={errors.expiry} autoComplete="cc-exp" maxLength={7} placeholder="MM/YY" />
            <CheckoutField name="cvc" label="Security code" hint="3 or 4 digits" error={errors.cvc} inputMode="numeric" autoComplete="cc-csc" maxLength={4} />
          </div>
        </fieldset>
      ) : null}

      {offersSepa ? (
        <fieldset className={`${styles.sepaFields} space-y-4`}>
          <legend className="mb-2 text-sm font-medium text-slate-900">SEPA Direct Debit</legend>
          <CheckoutField
            name="accountHolder"
            label="Account holder"
            error={errors.accountHolder}
            defaultValue={flash?.accountHolder ?? defaults.name ?? ""}
            autoComplete="name"
          />
          <CheckoutField
            name="iban"
            label="IBAN"
            hint="Like DE89 3704 0044 0532 0130 00"
            error={errors.iban}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={42}
          />
          <div className="space-y-1">
            <label htmlFor="checkout-mandate" className="flex items-start gap-3 text-sm text-slate-800">
              <input
                id="checkout-mandate"
                type="checkbox"
                name="mandate"
                value="accepted"
                aria-invalid={errors.mandate ? true : undefined}
                aria-describedby={errors.mandate ? "checkout-mandate-error" : undefined}
                className="mt-0.5 size-4 shrink-0 accent-slate-900"
              />
              <span>
                By providing your IBAN and confirming this payment, you authorise {merchantName} and its payment provider to send
                instructions to your bank to debit your account, and your bank to debit your account in accordance with those
                instructions. You are entitled to a refund from your bank under the terms of your agreement with it; a refund must be
                claimed within eight weeks of the date your account was debited.
              </span>
            </label>
            {errors.mandate ? (
              <p id="checkout-mandate-error" className="text-sm font-medium text-red-700">
                {errors.mandate}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      <PrimaryButton>{amount ? `Pay ${amount}` : "Pay"}</PrimaryButton>
    </form>
  );
}
