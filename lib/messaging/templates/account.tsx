import { Action, EmailLayout, PAYLINK_BRAND, Paragraph, SmallPrint, type Brand } from "./layout";

// The emails Paylink sends its own users about their account. Each returns its subject with the element, so
// the subject and the body are written side by side.

export function verificationEmail({ url, hours }: { url: string; hours: number }) {
  return {
    subject: "Confirm your email address for Paylink",
    element: (
      <EmailLayout brand={PAYLINK_BRAND} preview="One click to confirm your address and unlock live mode." heading="Confirm your email address" footer="You get this email because this address was used to sign up for Paylink. If that was not you, ignore it: nothing happens until the link is used.">
        <Paragraph>Thanks for signing up. Confirm that this address is yours to create live API keys and to join other businesses&apos; teams. Test mode works already.</Paragraph>
        <Action brand={PAYLINK_BRAND} href={url} label="Confirm my address" />
        <SmallPrint>The link works once and for {hours} hours.</SmallPrint>
      </EmailLayout>
    ),
  };
}

export function passwordResetEmail({ url, minutes }: { url: string; minutes: number }) {
  return {
    subject: "Reset your Paylink password",
    element: (
      <EmailLayout brand={PAYLINK_BRAND} preview="Choose a new password for your Paylink account." heading="Reset your password" footer="You get this email because someone asked to reset the password of the Paylink account with this address. If that was not you, ignore it: your password stays as it is.">
        <Paragraph>Use the button below to choose a new password. Every browser signed in to your account is signed out when you do.</Paragraph>
        <Action brand={PAYLINK_BRAND} href={url} label="Choose a new password" />
        <SmallPrint>The link works once and for {minutes} minutes.</SmallPrint>
      </EmailLayout>
    ),
  };
}

export function invitationEmail({ url, merchant, role, invitedBy, days }: { url: string; merchant: Brand; role: string; invitedBy: string | null; days: number }) {
  const who = invitedBy ?? "A team owner";
  return {
    subject: `${who} invited you to ${merchant.name} on Paylink`,
    element: (
      <EmailLayout brand={merchant} preview={`Join ${merchant.name} as ${role}.`} heading={`Join ${merchant.name} on Paylink`} footer={`You get this email because ${who} invited this address to the team of ${merchant.name}. If you do not know them, ignore it: nobody joins without accepting.`}>
        <Paragraph>
          {who} invited you to the team of <strong>{merchant.name}</strong> as <strong>{role}</strong>. Accept with the Paylink account that uses this address, or create one.
        </Paragraph>
        <Action brand={merchant} href={url} label="Accept the invitation" />
        <SmallPrint>The invitation is valid for {days} days.</SmallPrint>
      </EmailLayout>
    ),
  };
}
