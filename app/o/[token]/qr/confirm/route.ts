// POST /o/{token}/qr/confirm — test mode only: the simulated bank reports the QR payment as made now
// (otherwise it does after SIMULATOR_QR_SECONDS). See lib/http/checkout/simulate-bank.ts.
import { simulateBankRoute } from "@/lib/http/checkout/simulate-bank";

export const POST = simulateBankRoute("qr");
