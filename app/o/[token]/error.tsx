"use client";

// What a page shows when rendering it failed on the server (components/ui/error-page.tsx). Each root layout needs
// its own boundary; the checkout's is the site's, in English: translating it would ship words to the browser.
export { ErrorPage as default } from "@/components/ui/error-page";
