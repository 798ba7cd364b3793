"use client";

// What a page shows when rendering it failed on the server (components/ui/error-page.tsx). Each root layout needs
// its own boundary; on a checkout the words are its document's, in the buyer's language.
export { ErrorPage as default } from "@/components/ui/error-page";
