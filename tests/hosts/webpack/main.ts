// A CRM page in plain TypeScript, bundled by webpack: the form is mounted with `mount()`, and
// every switch of record, routing or language goes to the handle's `update()`. tsc checks the options, the handle and the typed
// `jtel-created` event against the package's declarations. Beside it, the iframe page
// (frame.html, served by tests/e2e_hosts.rs) in an iframe that the package's host helper sizes
// and whose `jtel-resize` event the page shows.
import { ready, mount } from "jtel-widgets";
import "jtel-widgets/frame-host";
import type { AcdEventFormHandle } from "jtel-widgets";
import { CHOICES, CHOICE_NAMES, RECORDS, formProperties, initialChoices } from "../shared/crm";
import type { ChoiceName, Choices, CrmRecord } from "../shared/crm";

/** An element with `children`, as a framework's render function would make it. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
}

let record: CrmRecord = RECORDS[0];
const choices: Choices = initialChoices();
const heading = element("h1", { id: "record" }, record.name);
const created = element("p", { id: "created" });
const host = element("div", { id: "crm-form" });
let form: AcdEventFormHandle | undefined;

/** Hands the record and the choices of this moment to the form. */
function show() {
  heading.textContent = record.name;
  form?.update(formProperties(record, choices));
}

const nav = element(
  "nav",
  {},
  ...RECORDS.map((each) =>
    element("button", { id: `record-${each.id}`, onclick: () => ((record = each), show()) }, each.name),
  ),
);
const selects = CHOICE_NAMES.map((name: ChoiceName) => {
  const select = element(
    "select",
    { id: name },
    ...CHOICES[name].map(([value, label]) => element("option", { value }, label)),
  );
  select.value = choices[name];
  select.addEventListener("change", () => {
    (choices as Record<ChoiceName, string>)[name] = select.value;
    show();
  });
  return element("label", {}, `${name} `, select);
});
const frame = element("iframe", {
  id: "crm-frame",
  title: "Callback request (iframe page)",
  src: `frame.html?widget=acd-event-form&parent-origin=${encodeURIComponent(location.origin)}`,
});
frame.dataset.jtelFrame = "";
const frameHeight = element("p", { id: "frame-height" });
frame.addEventListener("jtel-resize", (event) => {
  frameHeight.textContent = `Frame content ${event.detail.height} px`;
});
document
  .getElementById("app")!
  .append(element("main", {}, nav, heading, ...selects, host, created, frame, frameHeight));
host.addEventListener("jtel-created", (event) => {
  created.textContent = `Created event ${event.detail.ID}`;
});

await ready;
form = mount(host, formProperties(record, choices));
await form.ready;
