/** What is being paid for: the page's heading, the description and the amount. */
export function OrderSummary({ itemName, description, amount }: { itemName: string; description: string | null; amount: string | null }) {
  return (
    <section aria-labelledby="checkout-item" className="space-y-2">
      <h1 id="checkout-item" className="text-2xl font-semibold tracking-tight text-slate-900">
        {itemName}
      </h1>
      {description ? <p className="text-slate-700">{description}</p> : null}
      {amount ? <p className="text-3xl font-semibold tabular-nums text-slate-900">{amount}</p> : null}
    </section>
  );
}
