import { SubmitButton } from "@/components/ui/button";

/** Enables or disables one link: a plain form, so it works before (or without) JavaScript. */
export function ToggleActiveForm({
  link,
  returnTo,
  action,
  size = "small",
}: {
  link: { id: string; name: string; active: boolean };
  returnTo: string;
  action: (formData: FormData) => Promise<void>;
  size?: "small" | "normal";
}) {
  const verb = link.active ? "Disable" : "Enable";
  return (
    <form action={action}>
      <input type="hidden" name="id" value={link.id} />
      <input type="hidden" name="active" value={link.active ? "false" : "true"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton variant="secondary" className={size === "small" ? "px-2.5! py-1! text-xs!" : ""}>
        {verb}
        <span className="sr-only"> {link.name}</span>
      </SubmitButton>
    </form>
  );
}
