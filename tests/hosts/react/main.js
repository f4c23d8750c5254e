// A React 19 CRM page: the agent moves between records and changes routing and language; the
// widget gets everything as camelCase properties, as React 19 passes them to custom elements.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { CHOICES, RECORDS, formProperties, initialChoices, loadWidgets } from "../shared/crm.js";

function Choice({ name, value, onChange }) {
  return h(
    "label",
    null,
    `${name} `,
    h(
      "select",
      { id: name, value, onChange: (event) => onChange(event.target.value) },
      CHOICES[name].map(([option, label]) => h("option", { key: option, value: option }, label)),
    ),
  );
}

function Crm() {
  const [record, setRecord] = useState(RECORDS[0]);
  const [choices, setChoices] = useState(initialChoices);
  return h(
    "main",
    null,
    h(
      "nav",
      null,
      RECORDS.map((each) =>
        h("button", { key: each.id, id: `record-${each.id}`, onClick: () => setRecord(each) }, each.name),
      ),
    ),
    h("h1", { id: "record" }, record.name),
    Object.keys(CHOICES).map((name) =>
      h(Choice, {
        key: name,
        name,
        value: choices[name],
        onChange: (value) => setChoices({ ...choices, [name]: value }),
      }),
    ),
    h("jtel-acd-event-form", formProperties(record, choices)),
  );
}

await loadWidgets();
createRoot(document.getElementById("app")).render(h(Crm));
