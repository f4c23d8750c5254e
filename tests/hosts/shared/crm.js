// What both test host apps (React, Vue) show around the widget: a tiny CRM with two customer
// records and the controls an integrator's app changes at any time (group, event type, agent,
// language). Each control is a plain element with an id, so the end-to-end test can drive it.

/** The two CRM records the agent switches between. */
export const RECORDS = [
  { id: "A", name: "Anna Becker", phone: "0199 1111111", customer: "CUST-A", url: "https://crm.example.com/contacts/A" },
  { id: "B", name: "Bernd Krause", phone: "0199 2222222", customer: "CUST-B", url: "https://crm.example.com/contacts/B" },
];

/** The host's choices: [value, label] pairs for each select. */
export const CHOICES = {
  group: [["235", "Customer Service"], ["236", "Sales"]],
  eventType: [["callback", "Callback"], ["ticket", "Ticket"]],
  agent: [["", "Group queue"], ["3", "Jane Doe"], ["4", "Max Mustermann"]],
  lang: [["en", "English"], ["de", "Deutsch"]],
};

/** The settings a fresh app starts with (the first choice of each). */
export function initialChoices() {
  return Object.fromEntries(Object.entries(CHOICES).map(([key, options]) => [key, options[0][0]]));
}

/** Loads the released widget bundle the test serves next to the app, and waits for it. */
export async function loadWidgets() {
  const loader = "/jtel-widgets/jtel-widgets-loader.js";
  const { ready } = await import(/* @vite-ignore */ loader);
  await ready;
}

/** The form's properties for `record` and the host's `choices`, as camelCase properties. */
export function formProperties(record, choices) {
  return {
    id: "crm-form",
    baseUrl: "/jtel",
    record: record.id,
    sender: record.phone,
    userData: record.customer,
    crmUrl: record.url,
    readOnly: ["UserData"],
    storeDraft: true,
    ...choices,
  };
}
