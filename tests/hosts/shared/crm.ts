// What the test host apps (React, Vue, webpack) show around the widget: a tiny CRM with two
// customer records and the controls an integrator's app changes at any time (group, event
// type, agent, language). Each control is a plain element with an id, so the end-to-end test
// can drive it. The apps check with `tsc` that these settings fit the package's declarations.

/** A CRM record the agent can open. */
export interface CrmRecord {
  id: string;
  name: string;
  phone: string;
  customer: string;
  url: string;
}

/** The two CRM records the agent switches between. */
export const RECORDS: CrmRecord[] = [
  { id: "A", name: "Anna Becker", phone: "0199 1111111", customer: "CUST-A", url: "https://crm.example.com/contacts/A" },
  { id: "B", name: "Bernd Krause", phone: "0199 2222222", customer: "CUST-B", url: "https://crm.example.com/contacts/B" },
];

/** The host's choices: [value, label] pairs for each select. */
export const CHOICES = {
  group: [["235", "Customer Service"], ["236", "Sales"]],
  eventType: [["callback", "Callback"], ["ticket", "Ticket"]],
  agent: [["", "Group queue"], ["3", "Jane Doe"], ["4", "Max Mustermann"]],
  lang: [["en", "English"], ["de", "Deutsch"]],
} as const;

/** The name of one of the host's selects. */
export type ChoiceName = keyof typeof CHOICES;

/** What the host has chosen in each select. */
export type Choices = { [K in ChoiceName]: (typeof CHOICES)[K][number][0] };

/** Every select's name. */
export const CHOICE_NAMES = Object.keys(CHOICES) as ChoiceName[];

/** The settings a fresh app starts with (the first choice of each). */
export function initialChoices(): Choices {
  return { group: "235", eventType: "callback", agent: "", lang: "en" };
}

/** The form's settings for `record` and the host's `choices`, as camelCase properties. */
export function formProperties(record: CrmRecord, choices: Choices) {
  return {
    id: "crm-form",
    baseUrl: "/jtel",
    record: record.id,
    sender: record.phone,
    userData: record.customer,
    crmUrl: record.url,
    readOnly: ["UserData" as const],
    storeDraft: true,
    ...choices,
  };
}
