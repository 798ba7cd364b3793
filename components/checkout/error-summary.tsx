import type { ErrorTexts } from "@/lib/checkout/messages";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { fieldId } from "./field";

const FIELD_ORDER = ["amount", "email", "name", "method", "cardNumber", "expiry", "cvc", "accountHolder", "iban", "mandate"] as const;

/**
 * What went wrong with the last attempt, announced (role="alert") and focused when the page loads, each
 * field's message linking to the field. `methodTarget` is the id the method error links to (its first radio).
 */
export function ErrorSummary({ errors, locale, methodTarget }: { errors: ErrorTexts; locale: Locale; methodTarget?: string }) {
  const fields = FIELD_ORDER.filter((f) => errors[f]);
  if (!errors.form && fields.length === 0) return null;
  const t = translator(locale, "checkout");
  return (
    <div role="alert" aria-labelledby="checkout-errors-title" tabIndex={-1} autoFocus className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-red-800">
      <h2 id="checkout-errors-title" className="font-semibold">
        {errors.form && fields.length === 0 ? t("errorSummary.declined") : t("errorSummary.problem")}
      </h2>
      {errors.form ? <p>{errors.form}</p> : null}
      {fields.length > 0 ? (
        <ul className="list-disc space-y-1 ps-5">
          {fields.map((field) => (
            <li key={field}>
              <a href={`#${field === "method" && methodTarget ? methodTarget : fieldId(field)}`} className="underline underline-offset-2">
                {errors[field]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
