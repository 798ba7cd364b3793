import { EVENT_DESCRIPTIONS } from "@/components/dashboard/events/format";
import { TextField } from "@/components/ui/field";
import type { EndpointFormValues } from "./types";

/**
 * URL, events and description, shared by the add and edit forms. "All events" and "Only these events" are
 * radio buttons with the type checkboxes always shown, so the choice works without JavaScript. A platform also
 * chooses whether the endpoint hears its connected merchants' events.
 */
export function EndpointFormFields({
  idPrefix,
  values,
  errors,
  eventTypes,
  livemode,
  platform,
}: {
  idPrefix: string;
  values: EndpointFormValues;
  errors: Record<string, string>;
  /** The event catalogue, from the server (lib/events is not for the browser bundle). */
  eventTypes: readonly string[];
  livemode: boolean;
  /** The business is a platform: offer `connect`. */
  platform: boolean;
}) {
  const all = values.events.includes("*");
  const eventsError = errors.events ?? errors.events_mode;
  return (
    <>
      <TextField
        id={`${idPrefix}-url`}
        label="Endpoint URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={2048}
        placeholder="https://example.com/webhooks/paylink"
        defaultValue={values.url}
        error={errors.url}
        hint={livemode ? "Your server's address; live mode needs https." : "Your server's address. Test events only go to test endpoints."}
      />
      <fieldset className="space-y-2" aria-describedby={eventsError ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events to send</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="events_mode" value="all" defaultChecked={all} className="mt-0.5" />
          <span>
            All events
            <span className="block text-xs text-slate-500">Including types added to Paylink later.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="events_mode" value="selected" defaultChecked={!all} className="mt-0.5" />
          <span>Only the events checked below</span>
        </label>
        <div className="grid gap-x-4 gap-y-1 pl-6 sm:grid-cols-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={!all && values.events.includes(type)} className="mt-0.5" />
              <span>
                <code className="font-mono text-xs">{type}</code>
                {EVENT_DESCRIPTIONS[type] ? <span className="block text-xs text-slate-500">{EVENT_DESCRIPTIONS[type]}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {eventsError ? (
          <p id={`${idPrefix}-events-error`} className="text-sm text-red-600">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <TextField
        id={`${idPrefix}-description`}
        label="Description (optional)"
        name="description"
        maxLength={500}
        defaultValue={values.description}
        error={errors.description}
        hint="For your team: what receives these events."
      />
      {platform ? (
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="connect"
              defaultChecked={values.connect}
              className="mt-0.5"
              aria-describedby={errors.connect ? `${idPrefix}-connect-error` : `${idPrefix}-connect-hint`}
            />
            <span>
              Also receive the events of connected merchants
              <span id={`${idPrefix}-connect-hint`} className="block text-xs text-slate-500">
                Their {livemode ? "live" : "test"}-mode events come here too; each event&apos;s <code className="font-mono">merchant</code> says whose it is.
              </span>
            </span>
          </label>
          {errors.connect ? (
            <p id={`${idPrefix}-connect-error`} className="text-sm text-red-600">
              {errors.connect}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
