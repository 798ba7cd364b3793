import { languagePost } from "@/lib/http/checkout/language";

// POST /l/{token}/language — the language switcher of a link's checkout.
export const POST = languagePost("link");
