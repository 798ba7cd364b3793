import { methodLabel } from "@/lib/checkout/display";
import type { Flash } from "@/lib/checkout/flash";
import { SUBMISSION_FIELD, selectedMethod } from "@/lib/checkout/form";
import { errorTexts } from "@/lib/checkout/messages";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translate";
import type { PaymentMethod } from "@/lib/payments/methods";
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
  /** The link's or order's currency. */
  currency: string;
  /** The formatted amount for the Pay button; null when the buyer chooses it. */
  amount: string | null;
  /** Set when the buyer chooses the amount: its bounds in minor units, and the field's starting value. */
  customAmount?: { preset: string; minimum: number | null; maximum: number | null } | null;
  /** Pre-filled values (an API order's customer); the flash's win, since the buyer typed them last. */
  defaults: { email?: string | null; name?: string | null };
  flash: Flash | null;
  /** A one-time key that makes a double-tapped Pay button a single payment. */
  submission: string;
  /** Who the buyer pays: the SEPA mandate names them. */
  merchantName: string;
  locale: Locale;
}

const methodId = (method: string) => `checkout-method-${method}`;

/**
 * The checkout form, server-rendered and working without JavaScript: a plain POST to a route handler.
 * Card fields are always in the HTML; CSS hides them while another method is checked.
 */
export function PaymentForm({ action, methods, collectEmail, collectName, currency, amount, customAmount, defaults, flash, submission, merchantName, locale }: PaymentFormProps) {
  const t = translator(locale, "checkout");
  const errors = errorTexts(flash?.errors ?? {}, locale);
  const checked = selectedMethod(methods, flash?.method);
  const offersCard = methods.includes("card");
  const offersSepa = methods.includes("sepa_debit");
  return (
    <form method="post" action={action} noValidate className={`${styles.form} space-y-5`}>
      <ErrorSummary errors={errors} locale={locale} methodTarget={methods[0] ? methodId(methods[0]) : undefined} />
      <input type="hidden" name={SUBMISSION_FIELD} value={submission} />

      {customAmount ? (
        <CheckoutField
          name="amount"
          label={t("form.amount.label")}
          hint={amountHint(t, locale, currency, customAmount)}
          error={errors.amount}
          defaultValue={flash?.amount ?? customAmount.preset}
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          required
        />
      ) : null}

      {collectEmail ? (
        <CheckoutField
          name="email"
          label={t("form.email.label")}
          type="email"
          error={errors.email}
          defaultValue={flash?.email ?? defaults.email ?? ""}
          autoComplete="email"
          inputMode="email"
          dir="ltr"
          spellCheck={false}
          required
        />
      ) : null}
      {collectName ? (
        <CheckoutField name="name" label={t("form.name.label")} error={errors.name} defaultValue={flash?.name ?? defaults.name ?? ""} autoComplete="name" required />
      ) : null}

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">{t("form.method.legend")}</legend>
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
              {methodLabel(method, locale)}
            </label>
          ))}
        </div>
      </fieldset>

      {offersCard ? (
        <fieldset className={`${styles.cardFields} space-y-4`}>
          <legend className="mb-2 text-sm font-medium text-slate-900">{t("form.card.legend")}</legend>
          <CheckoutField
            name="cardNumber"
            label={t("form.card.numberLabel")}
            error={errors.cardNumber}
            inputMode="numeric"
            autoComplete="cc-number"
            autoCorrect="off"
            spellCheck={false}
            maxLength={23}
            placeholder={t("form.card.numberPlaceholder")}
            dir="ltr"
          />
          <div className="grid grid-cols-2 gap-3">
            {/* Text, not numeric: phone number pads have no "/" for MM/YY. */}
            <CheckoutField
              name="expiry"
              label={t("form.card.expiryLabel")}
              hint={t("form.card.expiryHint")}
              error={errors.expiry}
              autoComplete="cc-exp"
              maxLength={7}
              placeholder={t("form.card.expiryPlaceholder")}
              dir="ltr"
            />
            <CheckoutField
              name="cvc"
              label={t("form.card.cvcLabel")}
              hint={t("form.card.cvcHint")}
              error={errors.cvc}
              inputMode="numeric"
              autoComplete="cc-csc"
              maxLength={4}
              dir="ltr"
            />
          </div>
        </fieldset>
      ) : null}

      {offersSepa ? (
        <fieldset className={`${styles.sepaFields} space-y-4`}>
          <legend className="mb-2 text-sm font-medium text-slate-900">{t("form.sepa.legend")}</legend>
          <CheckoutField
            name="accountHolder"
            label={t("form.sepa.accountHolderLabel")}
            error={errors.accountHolder}
            defaultValue={flash?.accountHolder ?? defaults.name ?? ""}
            autoComplete="name"
          />
          <CheckoutField
            name="iban"
            label={t("form.sepa.ibanLabel")}
            hint={t("form.sepa.ibanHint")}
            error={errors.iban}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={42}
            dir="ltr"
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
              <span>{t("form.sepa.mandate", { merchant: merchantName })}</span>
            </label>
            {errors.mandate ? (
              <p id="checkout-mandate-error" className="text-sm font-medium text-red-700">
                {errors.mandate}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      <PrimaryButton>{amount ? t("form.payAmount", { amount }) : t("form.pay")}</PrimaryButton>
    </form>
  );
}

/** "Enter the amount you want to pay in USD, between $1.00 and $100.00.": the bounds as the page words them. */
function amountHint(t: Translator<"checkout">, locale: Locale, currency: string, bounds: { minimum: number | null; maximum: number | null }): string {
  const minimum = bounds.minimum === null ? null : formatMoney(bounds.minimum, currency, locale);
  const maximum = bounds.maximum === null ? null : formatMoney(bounds.maximum, currency, locale);
  if (minimum !== null && maximum !== null) return t("form.amount.hintBetween", { currency, minimum, maximum });
  if (minimum !== null) return t("form.amount.hintAtLeast", { currency, minimum });
  if (maximum !== null) return t("form.amount.hintAtMost", { currency, maximum });
  return t("form.amount.hint", { currency });
}
