import { languagePost } from "@/lib/http/checkout/language";

// POST /o/{token}/language — the language switcher of an order's checkout (its steps and receipt too).
export const POST = languagePost("order");
