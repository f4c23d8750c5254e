// A React 19 CRM page: the agent moves between records and changes routing and language; the
// widget gets everything as camelCase properties, as React 19 passes them to custom elements.
// The package's JSX types (jtel-widgets/react) check every prop.
/// <reference types="jtel-widgets/react" />
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { ready } from "jtel-widgets";
import { CHOICES, CHOICE_NAMES, RECORDS, formProperties, initialChoices } from "../shared/crm";
import type { ChoiceName, Choices } from "../shared/crm";

function Choice({ name, value, onChange }: { name: ChoiceName; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {`${name} `}
      <select id={name} value={value} onChange={(event) => onChange(event.target.value)}>
        {CHOICES[name].map(([option, label]) => (
          <option key={option} value={option}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Crm() {
  const [record, setRecord] = useState(RECORDS[0]);
  const [choices, setChoices] = useState<Choices>(initialChoices);
  const [created, setCreated] = useState<number | null>(null);
  return (
    <main>
      <nav>
        {RECORDS.map((each) => (
          <button key={each.id} id={`record-${each.id}`} onClick={() => setRecord(each)}>
            {each.name}
          </button>
        ))}
      </nav>
      <h1 id="record">{record.name}</h1>
      {CHOICE_NAMES.map((name) => (
        <Choice
          key={name}
          name={name}
          value={choices[name]}
          onChange={(value) => setChoices({ ...choices, [name]: value })}
        />
      ))}
      <jtel-acd-event-form
        {...formProperties(record, choices)}
        onjtel-created={(event) => setCreated(event.detail.ID)}
      />
      <p id="created">{created === null ? "" : `Created event ${created}`}</p>
    </main>
  );
}

await ready;
createRoot(document.getElementById("app")!).render(<Crm />);
