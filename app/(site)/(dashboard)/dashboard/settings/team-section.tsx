"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";
import { inviteMemberAction, updateMemberAction } from "../../actions";

const ROLES = [
  { value: "owner", label: "Owner — everything, including the team" },
  { value: "admin", label: "Admin — everything but the team" },
  { value: "viewer", label: "Viewer — read only" },
];

export interface MemberView {
  userId: string;
  email: string;
  role: string;
  isYou: boolean;
}

export function InviteMemberForm() {
  const [state, action] = useActionState(inviteMemberAction, {} as FormState);
  return (
    <form key={formKey(state)} action={action} className="grid max-w-lg gap-3 sm:grid-cols-[1fr_auto]" noValidate>
      {state.ok ? <div className="sm:col-span-2"><Alert tone="success">{state.message}</Alert></div> : null}
      <TextField id="member-email" label="Email address to invite" name="email" type="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SelectField id="member-role" label="Role" name="role" options={ROLES.map((r) => ({ value: r.value, label: r.value[0]!.toUpperCase() + r.value.slice(1) }))} defaultValue={state.values?.role ?? "viewer"} />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">Send invitation</SubmitButton>
      </div>
    </form>
  );
}

export function MemberRow({ member }: { member: MemberView }) {
  const [state, action] = useActionState(updateMemberAction, {} as FormState);
  return (
    <li className="py-3">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="userId" value={member.userId} />
        <span className="min-w-48 flex-1 text-sm">
          {member.email}
          {member.isYou ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
        </span>
        <label className="sr-only" htmlFor={`role-${member.userId}`}>
          Role of {member.email}
        </label>
        <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="role" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100">
          Save role
        </button>
        <button type="submit" name="intent" value="remove" aria-label={`Remove ${member.email}`} className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50">
          Remove
        </button>
      </form>
      {state.message ? <div className="mt-2"><Alert>{state.message}</Alert></div> : null}
    </li>
  );
}
