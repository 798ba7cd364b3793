import { describe, expect, test } from "vitest";
import { describeSmtpFailure, smtpConnection } from "./email-transport";
import { twilioProvider, twilioSignature } from "./sms/twilio";

describe("Twilio's request signature", () => {
  // The example of Twilio's security documentation (and twilio-node's own fixture): not produced by this code,
  // so it catches a base string that is wrong in a self-consistent way.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = (caller: string) => ({ CallSid: "CA1234567890ABCDE", Caller: caller, Digits: "1234", From: caller, To: "+18005551212" });

  test("matches the documented signatures", () => {
    expect(twilioSignature("12345", url, params("+14158675309"))).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(twilioSignature("12345", url, params("+14158675310"))).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  // A report as the callback route hands it over: the URL, the form-encoded body, the headers.
  const report = (reportUrl: string, fields: Record<string, string>, headers = new Headers()) => ({ url: reportUrl, body: new URLSearchParams(fields).toString(), headers });

  test("a report verifies only with its own URL, fields and token", () => {
    const provider = twilioProvider({ accountSid: "AC123", authToken: "12345", from: "+15005550006", apiUrl: "https://api.twilio.com" });
    const signed = (signature: string) => new Headers({ "x-twilio-signature": signature });
    const good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(provider.verifyReport(report(url, params("+14158675309"), signed(good)))).toBe(true);
    expect(provider.verifyReport(report(url, { ...params("+14158675309"), Digits: "9999" }, signed(good)))).toBe(false);
    expect(provider.verifyReport(report(`${url}&baz=3`, params("+14158675309"), signed(good)))).toBe(false);
    expect(provider.verifyReport(report(url, params("+14158675309"), signed("short")))).toBe(false);
    expect(provider.verifyReport(report(url, params("+14158675309")))).toBe(false);
  });

  test("reads final statuses, and leaves the intermediate ones alone", () => {
    const provider = twilioProvider({ accountSid: "AC123", authToken: "12345", from: "MG123", apiUrl: "https://api.twilio.com" });
    const read = (fields: Record<string, string>) => provider.readReport(report(url, fields));
    expect(read({ MessageSid: "SM1", MessageStatus: "delivered" })).toMatchObject({ outcome: "delivered", providerMessageId: "SM1" });
    expect(read({ MessageSid: "SM1", MessageStatus: "undelivered", ErrorCode: "30003" })).toMatchObject({ outcome: "failed", detail: "Twilio reported undelivered (error 30003)." });
    for (const status of ["accepted", "queued", "sending", "sent"]) expect(read({ MessageSid: "SM1", MessageStatus: status }).outcome).toBeNull();
  });
});

describe("SMTP settings and failures", () => {
  test("SMTP_URL becomes connection options: TLS from the start for smtps, default ports, decoded credentials", () => {
    expect(smtpConnection("smtps://user%40example.com:p%3Ass@smtp.example.com")).toEqual({ host: "smtp.example.com", port: 465, secure: true, requireTLS: false, auth: { user: "user@example.com", pass: "p:ss" } });
    // smtp:// to another host must upgrade (STARTTLS), unless the URL says the relay has no TLS.
    expect(smtpConnection("smtp://mail.example.com:2525")).toEqual({ host: "mail.example.com", port: 2525, secure: false, requireTLS: true });
    expect(smtpConnection("smtp://relay.internal:25?tls=optional")).toMatchObject({ host: "relay.internal", requireTLS: false });
    expect(smtpConnection("smtp://[::1]")).toEqual({ host: "::1", port: 587, secure: false, requireTLS: false });
    expect(smtpConnection("smtp://localhost:2525")).toMatchObject({ requireTLS: false });
  });

  test("a failure says what happened without the server's password; 5xx answers are permanent, the rest retried", () => {
    expect(describeSmtpFailure({ responseCode: 550, response: "550 5.1.1 No such\\n user" })).toEqual({ reason: "The SMTP server answered 550: 550 5.1.1 No such\\n user", permanent: true });
    expect(describeSmtpFailure({ responseCode: 451, response: "451 try later" }).permanent).toBe(false);
    expect(describeSmtpFailure({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" })).toEqual({ reason: "Could not connect to the SMTP server.", permanent: false });
    expect(describeSmtpFailure({ code: "EAUTH", message: "Invalid login: 535 for user:hunter2" })).toEqual({ reason: "The SMTP server refused the user name or password.", permanent: false });
    // What nodemailer (requireTLS) throws when the server does not know STARTTLS: the operator's to fix, retried.
    const noStartTls = { code: "ETLS", command: "STARTTLS", responseCode: 500, response: "500 Error: command not recognized", message: "Error upgrading connection with STARTTLS: 500 Error: command not recognized" };
    expect(describeSmtpFailure(noStartTls)).toEqual({ reason: "The SMTP server refused STARTTLS (it answered 500), which smtp:// to another machine requires: use smtps://, or ?tls=optional for a relay without TLS.", permanent: false });
    expect(describeSmtpFailure({ code: "ETLS", command: "CONN", message: "Error initiating TLS - certificate has expired" })).toEqual({ reason: "The TLS handshake with the SMTP server failed.", permanent: false });
  });
});
