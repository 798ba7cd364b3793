import { CheckoutNotFound } from "@/components/checkout/unavailable";

// An unknown link token: the same words as a disabled link (404), without saying whether it ever existed.
export default function LinkNotFound() {
  return <CheckoutNotFound kind="link" />;
}
