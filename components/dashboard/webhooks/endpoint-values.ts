import type { EndpointFormValues } from "./types";

/** The form values an action echoed back (events joined by commas), over the values the form started with. */
export function echoedEndpointValues(initial: EndpointFormValues, echoed: Record<string, string> | undefined): EndpointFormValues {
  if (!echoed) return initial;
  return {
    url: echoed.url ?? initial.url,
    events: echoed.events !== undefined ? echoed.events.split(",").filter(Boolean) : initial.events,
    description: echoed.description ?? initial.description,
    connect: echoed.connect !== undefined ? echoed.connect === "on" : initial.connect,
  };
}
