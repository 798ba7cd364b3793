import { CheckoutNotFound } from "@/components/checkout/unavailable";

// An unknown order token (404).
export default function OrderNotFound() {
  return <CheckoutNotFound kind="order" />;
}
