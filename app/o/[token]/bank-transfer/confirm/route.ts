// POST /o/{token}/bank-transfer/confirm — test mode only: the simulated bank confirms the transfer now
// (otherwise it does after SIMULATOR_BANK_TRANSFER_SECONDS). See lib/http/checkout/simulate-bank.ts.
import { simulateBankRoute } from "@/lib/http/checkout/simulate-bank";

export const POST = simulateBankRoute("bank-transfer");
