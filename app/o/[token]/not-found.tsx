import { PlainCheckoutPage } from "@/components/checkout/checkout-page";
import { ORDER_UNAVAILABLE, Unavailable } from "@/components/checkout/unavailable";

// An unknown order token (404).
export default function OrderNotFound() {
  return (
    <PlainCheckoutPage>
      <Unavailable title={ORDER_UNAVAILABLE}>
        <p>Check that the address is complete, or ask the seller for a new payment link.</p>
      </Unavailable>
    </PlainCheckoutPage>
  );
}
