import { PlainCheckoutPage } from "@/components/checkout/checkout-page";
import { LINK_UNAVAILABLE, Unavailable } from "@/components/checkout/unavailable";

// An unknown link token: the same words as a disabled link (404), without saying whether it ever existed.
export default function LinkNotFound() {
  return (
    <PlainCheckoutPage>
      <Unavailable title={LINK_UNAVAILABLE}>
        <p>Check that the address is complete, or ask the seller for a new link.</p>
      </Unavailable>
    </PlainCheckoutPage>
  );
}
