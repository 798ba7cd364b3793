// POST /o/{token}/debit/confirm — test mode only: the simulated bank answers the SEPA debit now (collected,
// or refused for the failing test IBAN) instead of after SIMULATOR_SEPA_SECONDS. See lib/http/checkout/simulate-bank.ts.
import { simulateBankRoute } from "@/lib/http/checkout/simulate-bank";

export const POST = simulateBankRoute("debit");
