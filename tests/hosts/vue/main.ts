// A Vue 3 CRM page: the agent moves between records and changes routing and language; Vue
// passes the widget's settings as camelCase DOM properties (render function, no compiler). It
// loads the one-widget entry `jtel-widgets/acd-event-form`.
// `satisfies` checks the settings against the package's declarations.
import { createApp, h, reactive, ref } from "vue";
import { ready } from "jtel-widgets/acd-event-form";
import type { AcdEventFormOptions, JtelEventMap } from "jtel-widgets/acd-event-form";
import { CHOICES, CHOICE_NAMES, RECORDS, formProperties, initialChoices } from "../shared/crm";
import type { ChoiceName, Choices } from "../shared/crm";

const Crm = {
  setup() {
    const record = ref(RECORDS[0]);
    const choices = reactive(initialChoices());
    const created = ref<number | null>(null);
    const choose = (name: ChoiceName, value: string) => {
      (choices as Record<ChoiceName, string>)[name] = value;
    };
    return () =>
      h("main", [
        h(
          "nav",
          RECORDS.map((each) =>
            h("button", { key: each.id, id: `record-${each.id}`, onClick: () => (record.value = each) }, each.name),
          ),
        ),
        h("h1", { id: "record" }, record.value.name),
        ...CHOICE_NAMES.map((name) =>
          h("label", { key: name }, [
            `${name} `,
            h(
              "select",
              {
                id: name,
                value: choices[name],
                onChange: (event: Event) => choose(name, (event.target as HTMLSelectElement).value),
              },
              CHOICES[name].map(([option, label]) => h("option", { key: option, value: option }, label)),
            ),
          ]),
        ),
        h("jtel-acd-event-form", {
          ...(formProperties(record.value, { ...(choices as Choices) }) satisfies AcdEventFormOptions),
          // Vue listens to `jtel-created` for `onJtelCreated`.
          onJtelCreated: (event: JtelEventMap["jtel-created"]) => (created.value = event.detail.ID),
        }),
        h("p", { id: "created" }, created.value === null ? "" : `Created event ${created.value}`),
      ]);
  },
};

await ready;
createApp(Crm).mount("#app");
