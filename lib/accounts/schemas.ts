import { z } from "zod";
import { MEMBERSHIP_ROLES } from "@/lib/core/statuses";
import { isCountryCode } from "@/lib/geo/countries";
import { isCurrencyCode } from "@/lib/money/currencies";

// Shared by the server actions and the services: one definition of what a valid account form is.

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "That is not your current password."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country.");

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "Choose a currency.");

export const businessNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your business name.")
  .max(100, "Use at most 100 characters.");

export const newBusinessSchema = z.object({
  businessName: businessNameSchema,
  country: countrySchema,
  currency: currencySchema,
});
export type NewBusinessInput = z.input<typeof newBusinessSchema>;

export const signUpSchema = newBusinessSchema.extend({
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export const merchantSettingsSchema = z.object({
  businessName: businessNameSchema,
  country: countrySchema,
  currency: currencySchema,
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5.")
    .transform((v) => v.toLowerCase()),
  logoUrl: z
    .string()
    .trim()
    .max(2000, "That URL is too long.")
    .transform((v) => (v === "" ? null : v))
    .pipe(z.url({ protocol: /^https?$/, error: "Use an http(s) URL for the logo." }).nullable()),
  /** Email buyers a receipt when an order is paid (left as it is when not given). */
  sendReceipts: z.boolean().optional(),
});
export type MerchantSettingsInput = z.input<typeof merchantSettingsSchema>;

export const roleSchema = z.enum(MEMBERSHIP_ROLES);
